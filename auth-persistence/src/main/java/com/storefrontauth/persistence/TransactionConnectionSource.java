package com.storefrontauth.persistence;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The data source of one JTA transaction's entity manager: every connection it gives is the transaction's
 * own JDBC handle, whose closing is left to the transaction. The server's pool shares an enlisted non-XA
 * connection only while no handle of it is open, so an entity manager asking the pool itself would be given
 * a second physical connection for the same transaction (two per request, and a burst of requests
 * exhausting the pool while each waits for its second).
 */
final class TransactionConnectionSource implements DataSource {

    private final Connection connection;

    TransactionConnectionSource(Connection transactionConnection) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            if (method.getName().equals("close") && method.getParameterCount() == 0) {
                return null;
            }
            try {
                return method.invoke(transactionConnection, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        this.connection = (Connection)
                Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public Connection getConnection(String username, String password) {
        return connection;
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // nothing is logged here
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the connection is already open
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("Not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
