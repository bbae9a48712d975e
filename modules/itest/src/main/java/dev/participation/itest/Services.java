package dev.participation.itest;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/** Waiting for services that come and go as the database configuration changes. */
final class Services {

    private Services() {
    }

    static long serviceId(BundleContext context, Class<?> type) {
        ServiceReference<?> ref = context.getServiceReference(type);
        return ref == null ? -1 : (Long) ref.getProperty(Constants.SERVICE_ID);
    }

    /**
     * The service as registered after a configuration change: one with a different id than
     * {@code previous} (the component is re-created on the new database). Waits at most 30 s.
     *
     * @param filter more conditions on the service's properties, or null
     */
    static <T> T current(BundleContext context, Class<T> type, String filter, long previous)
            throws InterruptedException, InvalidSyntaxException {
        BlockingQueue<ServiceReference<T>> fresh = new LinkedBlockingQueue<>();
        Filter selection = FrameworkUtil.createFilter("(&(" + Constants.OBJECTCLASS + "=" + type.getName() + ")"
                + (filter == null ? "" : filter) + ")");
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, selection, null) {
            @Override
            public T addingService(ServiceReference<T> reference) {
                if ((Long) reference.getProperty(Constants.SERVICE_ID) != previous) {
                    fresh.add(reference);
                }
                return super.addingService(reference);
            }
        };
        tracker.open();
        try {
            ServiceReference<T> ref = fresh.poll(30, TimeUnit.SECONDS);
            if (ref == null) {
                throw new AssertionError(type.getSimpleName() + (filter == null ? "" : " " + filter)
                        + " was not registered anew within 30 s");
            }
            return context.getService(ref);
        } finally {
            tracker.close();
        }
    }
}
