package kz.qorgau.notification;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import kz.qorgau.privacy.SealedColumns;

/** Subscription secrets are sealed bound to their network and subscription; a key rotation moves them too. */
@ApplicationScoped
public class WebhookSecrets implements SealedColumns {

    @Override
    public List<SealedColumn> sealedColumns() {
        return List.of(new SealedColumn("webhook_subscription", "secret_sealed", WebhookService::secretContext));
    }
}
