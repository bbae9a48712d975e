package dev.participation.kit;

import java.util.Map;

import dev.participation.api.widget.Links;

/**
 * Links as a host makes them for a page at {@code page} whose forms post to {@code action}; views
 * link to the action, assets live under {@code /assets/}. For the kit's fake requests.
 */
public record TestLinks(String page, String action) implements Links {

    @Override
    public String view(Map<String, String> params) {
        return action;
    }

    @Override
    public String asset(String file) {
        return "/assets/" + file;
    }
}
