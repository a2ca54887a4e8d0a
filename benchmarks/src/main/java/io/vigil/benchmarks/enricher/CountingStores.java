package io.vigil.benchmarks.enricher;

import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueStore;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the writes processors make to their stores: in the service each one is also a changelog record. */
final class CountingStores {

    private final AtomicLong writes = new AtomicLong();

    long writes() {
        return writes.get();
    }

    @SuppressWarnings("unchecked")
    StateStore counting(KeyValueStore<?, ?> store) {
        return (StateStore) Proxy.newProxyInstance(CountingStores.class.getClassLoader(), new Class<?>[]{KeyValueStore.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.equals("put") || name.equals("delete") || name.equals("putIfAbsent")) {
                        writes.incrementAndGet();
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
