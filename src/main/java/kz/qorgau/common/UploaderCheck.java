package kz.qorgau.common;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Whether a verified caller's roles could ever attach a document, asked before an upload takes a slot. The security
 * package answers it: common knows no roles or capabilities.
 */
public interface UploaderCheck {

    boolean mayAttachDocuments(SecurityIdentity identity);
}
