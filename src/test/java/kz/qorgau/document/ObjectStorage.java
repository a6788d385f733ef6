package kz.qorgau.document;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;
import kz.qorgau.demo.KeycloakLauncher;

/** The test profile of a deployment that keeps documents in an S3-compatible object store. */
public class ObjectStorage implements QuarkusTestProfile {

    static volatile EmbeddedObjectStore store;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Store.class));
    }

    public static class Store implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            store = EmbeddedObjectStore.start(KeycloakLauncher.freePort());
            return Map.of(
                    "qorgau.documents.store", "s3",
                    "qorgau.documents.s3.endpoint", store.endpoint().toString(),
                    "qorgau.documents.s3.bucket", EmbeddedObjectStore.BUCKET,
                    "qorgau.documents.s3.access-key-id", EmbeddedObjectStore.ACCESS_KEY,
                    "qorgau.documents.s3.secret-access-key", EmbeddedObjectStore.SECRET_KEY);
        }

        @Override
        public void stop() {
            if (store != null) {
                store.close();
            }
        }
    }
}
