package dev.participation.service.internal.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;

import dev.participation.api.storage.Dialect;
import dev.participation.api.storage.SqlWork;
import dev.participation.api.storage.StorageException;

import org.osgi.service.transaction.control.ScopedWorkException;
import org.osgi.service.transaction.control.TransactionControl;
import org.osgi.service.transaction.control.TransactionStatus;

/**
 * {@link Database} on OSGi Transaction Control: the connection is the scoped proxy from a pooled
 * JDBC connection provider, so every call inside one {@code required} scope uses the same pooled
 * connection and nested calls join the outer transaction.
 */
public final class TransactionalDatabase implements Database {

    private final TransactionControl transactions;
    private final Connection connection;
    private final Dialect dialect;

    public TransactionalDatabase(TransactionControl transactions, Connection connection, Dialect dialect) {
        this.transactions = transactions;
        this.connection = connection;
        this.dialect = dialect;
    }

    @Override
    public <T> T write(SqlWork<T> work) {
        return unwrapping(() -> transactions.required(() -> work.run(connection)));
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        return unwrapping(() -> transactions.supports(() -> work.run(connection)));
    }

    @Override
    public boolean inTransaction() {
        return transactions.activeTransaction();
    }

    @Override
    public void afterCommit(Runnable action) {
        if (!transactions.activeTransaction()) {
            action.run();
            return;
        }
        transactions.getCurrentContext().postCompletion(status -> {
            if (status == TransactionStatus.COMMITTED) {
                action.run();
            }
        });
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    /**
     * Transaction Control wraps whatever the work threw; callers expect the original exception
     * (for example {@code NoSuchElementException} from a store), and SQL failures as unchecked.
     */
    private static <T> T unwrapping(Callable<T> scope) {
        try {
            return scope.call();
        } catch (ScopedWorkException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new StorageException("Database work failed: " + cause.getMessage(), cause);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StorageException("Database work failed: " + e.getMessage(), e);
        }
    }
}
