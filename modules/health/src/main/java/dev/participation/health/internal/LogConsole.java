package dev.participation.health.internal;

import java.io.PrintStream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

/**
 * Prints warnings and errors from the OSGi log (where Declarative Services reports a component
 * that failed to activate, and where our components log) to standard error. Without it they are
 * kept only in memory and an administrator starting the jar never sees why a page is missing.
 */
@Component(immediate = true)
public final class LogConsole implements LogListener {

    private final LogReaderService reader;
    private final PrintStream out;

    @Activate
    public LogConsole(@Reference LogReaderService reader) {
        this(reader, System.err);
    }

    LogConsole(LogReaderService reader, PrintStream out) {
        this.reader = reader;
        this.out = out;
        reader.addLogListener(this);
    }

    @Deactivate
    void deactivate() {
        reader.removeLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        LogLevel level = entry.getLogLevel();
        if (level != LogLevel.WARN && level != LogLevel.ERROR && level != LogLevel.AUDIT) {
            return;
        }
        String bundle = entry.getBundle() == null ? "?" : entry.getBundle().getSymbolicName();
        out.println("[" + level + "] " + bundle + " " + entry.getLoggerName() + ": " + entry.getMessage());
        if (entry.getException() != null) {
            entry.getException().printStackTrace(out);
        }
    }
}
