package dev.participation.service.internal.startup;

import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Reads the JDK's list of locales on a thread of its own as soon as the framework's first start
 * level runs.
 *
 * <p>Jetty builds its table of content types in a static initialiser that asks for every locale
 * the JDK knows ({@code MimeTypes.KNOWN_LOCALES}); the JDK builds that list of a thousand locales
 * from its locale data the first time anyone asks, which took 60 to 150 ms here, on the thread
 * that starts Jetty and then every bundle after it, so the first page waited for it. Asked here
 * first, on a thread nobody waits for, the list is ready (the JDK keeps it) by the time Jetty
 * starts at the next start level.
 */
@Component(service = {}, immediate = true)
public final class LocaleListWarmUp {

    @Activate
    public LocaleListWarmUp() {
        Thread warmUp = new Thread(Locale::getAvailableLocales, "participation-locale-list");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.NORM_PRIORITY - 1);
        warmUp.start();
    }
}
