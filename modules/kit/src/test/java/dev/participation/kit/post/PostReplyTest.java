package dev.participation.kit.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.function.Predicate;

import dev.participation.api.widget.Message;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;

import org.junit.jupiter.api.Test;

class PostReplyTest {

    private static final Predicate<String> ON_SITE = location -> location.startsWith("/") && !location.startsWith("//");

    @Test
    void aDonePostGoesWhereTheWidgetAskedWithItsNotice() {
        PostReply reply = PostReply.of(PostOutcome.done("/pledge?signed=1", Message.of("signed")), ON_SITE);

        assertThat(reply).isEqualTo(new PostReply.Redirect(Optional.of("/pledge?signed=1"),
                Optional.of(Message.of("signed"))));
    }

    @Test
    void aDonePostAskingForAnotherSiteGoesBackToThePageInstead() {
        PostReply reply = PostReply.of(PostOutcome.done("//evil.example/"), ON_SITE);

        assertThat(reply).isEqualTo(new PostReply.Redirect(Optional.empty(), Optional.empty()));
    }

    @Test
    void anInvalidPostShowsItsViewAgainAsAClientError() {
        WidgetView view = WidgetView.of("<p>Enter your name</p>");

        PostReply reply = PostReply.of(PostOutcome.invalid(view), ON_SITE);

        assertThat(reply).isEqualTo(new PostReply.ShowAgain(view));
        assertThat(((PostReply.ShowAgain) reply).status()).isEqualTo(400);
    }

    @Test
    void aFormDrawnAgainAsThePersonAskedIsShownWithASuccessStatus() {
        WidgetView view = WidgetView.of("<fieldset><legend>Young person 2</legend></fieldset>");

        PostReply reply = PostReply.of(PostOutcome.redrawn(view), ON_SITE);

        assertThat(reply).isEqualTo(new PostReply.ShowAgain(view, 200));
    }

    @Test
    void aForbiddenPostIsRefusedWith403AndOneNobodyTakesWith405() {
        assertThat(PostReply.of(PostOutcome.forbidden(), ON_SITE)).isEqualTo(new PostReply.Refuse(403));
        assertThat(PostReply.of(PostOutcome.notAccepted(), ON_SITE)).isEqualTo(new PostReply.Refuse(405));
    }
}
