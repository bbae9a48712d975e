package dev.participation.kit.form;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GetFormTest {

    @Test
    void aLinkWithoutQueryIsItsOwnActionWithNoHiddenFields() {
        GetForm form = GetForm.of("/groups");

        assertThat(form.action()).isEqualTo("/groups");
        assertThat(form.hidden()).isEmpty();
    }

    @Test
    void aPortalRenderLinkKeepsItsParametersAsHiddenFieldsInOrder() {
        GetForm form = GetForm.of("http://portal/web/guest/groups?p_p_id=groups_INSTANCE_ab&p_p_lifecycle=0"
                + "&p_p_mode=view&_groups_INSTANCE_ab_q=youth%20voice#top");

        assertThat(form.action()).isEqualTo("http://portal/web/guest/groups");
        assertThat(form.hidden()).containsExactly(new GetForm.Field("p_p_id", "groups_INSTANCE_ab"),
                new GetForm.Field("p_p_lifecycle", "0"), new GetForm.Field("p_p_mode", "view"),
                new GetForm.Field("_groups_INSTANCE_ab_q", "youth voice"));
    }

    @Test
    void anHtmlEscapedLinkIsReadAsThePlainOne() {
        assertThat(GetForm.of("/p?a=1&amp;b=&amp;c").hidden()).containsExactly(new GetForm.Field("a", "1"),
                new GetForm.Field("b", ""), new GetForm.Field("c", ""));
    }

    @Test
    void aMalformedEscapeIsPassedOnAsItStands() {
        assertThat(GetForm.of("/p?a=100%").hidden()).containsExactly(new GetForm.Field("a", "100%"));
    }
}
