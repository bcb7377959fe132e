package cn.chanjiao.testkit.engine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** A running PostgreSQL server, embedded or in a container. */
public interface DatabaseServer {

    Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    int port();

    String jdbcUrl(String database);

    String username();

    String password();

    void stop();

    default Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), username(), password());
    }

    /** Creates a database through the maintenance database {@code postgres} unless it exists. */
    default void createDatabaseIfMissing(String database) {
        DatabaseServer server = this;
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a database name: " + database);
        }
        try (Connection connection = server.connect("postgres");
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database + ": " + e.getMessage(), e);
        }
    }

    /** Drops the database (closing whoever is still connected) and creates it empty. */
    default void recreateDatabase(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a database name: " + database);
        }
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
            statement.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not recreate database " + database + ": " + e.getMessage(), e);
        }
    }
}
