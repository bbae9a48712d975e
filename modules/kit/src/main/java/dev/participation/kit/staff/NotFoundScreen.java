package dev.participation.kit.staff;

/** The "page not found" screen: where to go instead. */
public record NotFoundScreen(String back) {
}
