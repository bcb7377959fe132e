package cn.chanjiao.notification.delivery;

import java.time.Duration;

/** Sends one delivery of its channel; the worker retries what did not go through. */
public interface DeliverySender {

    String channel();

    Outcome send(PendingDelivery delivery);

    int maxAttempts();

    /** The wait after {@code attempts} failed attempts. */
    Duration backoffAfter(int attempts);

    /**
     * What one attempt came to.
     *
     * @param permanent a failure no retry can fix (e.g. the subscription was deleted)
     */
    record Outcome(boolean delivered, Integer httpStatus, String error, boolean permanent) {

        public static Outcome ok(Integer httpStatus) {
            return new Outcome(true, httpStatus, null, false);
        }

        public static Outcome failed(Integer httpStatus, String error) {
            return new Outcome(false, httpStatus, error, false);
        }

        public static Outcome gaveUp(String error) {
            return new Outcome(false, null, error, true);
        }
    }
}
