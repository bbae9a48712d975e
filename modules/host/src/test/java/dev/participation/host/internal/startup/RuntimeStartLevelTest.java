package dev.participation.host.internal.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.log.Logger;

class RuntimeStartLevelTest {

    private final FrameworkStartLevel framework = mock(FrameworkStartLevel.class);
    private final FilterChain chain = mock(FilterChain.class);
    private final ServletRequest request = mock(ServletRequest.class);
    private final ServletResponse response = mock(ServletResponse.class);
    /** The "no page within N seconds" tasks, run by hand. */
    private final List<Runnable> later = new ArrayList<>();
    private final List<Integer> delays = new ArrayList<>();
    private final Function<Integer, Executor> after = seconds -> {
        delays.add(seconds);
        return later::add;
    };

    @Test
    void theRestStartsAfterThePublicSitesFirstAnswerAndOnlyThen() throws Exception {
        when(framework.getStartLevel()).thenReturn(2);
        RuntimeStartLevel filter = launchedAt("6", 5);

        verify(framework, never()).setStartLevel(anyInt());
        filter.doFilter(request, response, chain);

        InOrder order = inOrder(chain, framework);
        order.verify(chain).doFilter(request, response);
        order.verify(framework).setStartLevel(6);
    }

    @Test
    void laterPagesAndTheWaitDoNotRaiseItAgain() throws Exception {
        when(framework.getStartLevel()).thenReturn(2);
        RuntimeStartLevel filter = launchedAt("6", 5);

        filter.doFilter(request, response, chain);
        filter.doFilter(request, response, chain);
        later.forEach(Runnable::run);

        verify(framework, times(1)).setStartLevel(6);
        verify(chain, times(2)).doFilter(request, response);
    }

    @Test
    void aPageThatFailsStillCountsAsAnAnswer() throws Exception {
        when(framework.getStartLevel()).thenReturn(2);
        RuntimeStartLevel filter = launchedAt("6", 5);
        doThrow(new ServletException("broken page")).when(chain).doFilter(request, response);

        assertThatThrownBy(() -> filter.doFilter(request, response, chain)).hasMessage("broken page");

        verify(framework).setStartLevel(6);
    }

    @Test
    void withNoPageAskedForTheRestStartsAfterTheConfiguredWait() {
        when(framework.getStartLevel()).thenReturn(2);
        launchedAt("6", 7);

        assertThat(delays).containsExactly(7);
        verify(framework, never()).setStartLevel(anyInt());
        later.forEach(Runnable::run);

        verify(framework).setStartLevel(6);
    }

    @Test
    void aFrameworkAlreadyAtTheLevelIsLeftAlone() throws Exception {
        when(framework.getStartLevel()).thenReturn(6);
        RuntimeStartLevel filter = launchedAt("6", 5);

        filter.doFilter(request, response, chain);

        assertThat(later).isEmpty();
        verify(framework, never()).setStartLevel(anyInt());
        verify(chain).doFilter(request, response);
    }

    @Test
    void withoutTheFrameworkPropertyNothingChanges() throws Exception {
        when(framework.getStartLevel()).thenReturn(1);
        RuntimeStartLevel filter = launchedAt(null, 5);

        filter.doFilter(request, response, chain);

        assertThat(later).isEmpty();
        verify(framework, never()).setStartLevel(anyInt());
    }

    @Test
    void aPropertyThatIsNotANumberIsReportedAndIgnored() throws Exception {
        when(framework.getStartLevel()).thenReturn(2);
        Logger log = mock(Logger.class);
        RuntimeStartLevel filter = new RuntimeStartLevel(framework, "six", config(5), after, log);

        filter.doFilter(request, response, chain);

        verify(log).warn("{} is not a start level: {}", RuntimeStartLevel.RUNTIME_LEVEL, "six");
        verify(framework, never()).setStartLevel(anyInt());
    }

    @Test
    void aHostStoppedBeforeThePagesAnsweredLeavesTheFrameworkWhereItIs() {
        when(framework.getStartLevel()).thenReturn(2);
        RuntimeStartLevel filter = launchedAt("6", 5);

        filter.deactivate();
        later.forEach(Runnable::run);

        verify(framework, never()).setStartLevel(anyInt());
    }

    private RuntimeStartLevel launchedAt(String runtimeLevel, int secondsWithoutAPage) {
        return new RuntimeStartLevel(framework, runtimeLevel, config(secondsWithoutAPage), after, mock(Logger.class));
    }

    private static RuntimeStartLevel.Config config(int secondsWithoutAPage) {
        RuntimeStartLevel.Config config = mock(RuntimeStartLevel.Config.class);
        when(config.secondsWithoutAPage()).thenReturn(secondsWithoutAPage);
        return config;
    }
}
