package vn.hoctap.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address people and other systems reach the platform at ({@code HOCTAP_BASE_URL}, default
 * {@code http://localhost:8080}). It names things that must stay stable and resolvable outside:
 * xAPI activity IRIs and the accounts of learners in statements, and the verification links
 * printed on certificates.
 */
@ApplicationScoped
public class PublicUrl {

    @Inject
    @ConfigProperty(name = "hoctap.base.url", defaultValue = "http://localhost:8080")
    String baseUrl;

    /** The base address without a trailing slash, e.g. {@code https://hoctap.sonla.gov.vn}. */
    public String base() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** An absolute address for a path that starts with a slash. */
    public String of(String path) {
        return base() + path;
    }
}
