import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The containers' health check: the images have no shell and no curl. Exits 0 when the URL
 * answers 2xx within 3 seconds, 1 otherwise. Used by deploy/compose:
 * {@code java -cp /opt/chanjiao HealthCheck http://127.0.0.1:8081/actuator/health/readiness}.
 */
public final class HealthCheck {

    private HealthCheck() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: java -cp /opt/chanjiao HealthCheck <url>");
            System.exit(2);
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(args[0]).toURL().openConnection();
            connection.setConnectTimeout(3000);
            connection.setReadTimeout(3000);
            int status = connection.getResponseCode();
            System.exit(status >= 200 && status < 300 ? 0 : 1);
        } catch (Exception e) {
            System.err.println(args[0] + ": " + e);
            System.exit(1);
        }
    }
}
