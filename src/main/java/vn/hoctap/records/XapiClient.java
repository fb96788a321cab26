package vn.hoctap.records;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import vn.hoctap.shared.Text;
import vn.hoctap.shared.Times;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * A system allowed to call the Learning Record Store ({@code /xapi/}) with HTTP Basic: a key, a
 * secret (kept only as a hash) and a {@link ClientScope}. Statements it sends carry it as their
 * authority.
 */
@Entity
@Table(name = "xapi_client")
@NamedQuery(name = "XapiClient.all", query = "SELECT c FROM XapiClient c ORDER BY c.name")
@NamedQuery(name = "XapiClient.findByKey", query = "SELECT c FROM XapiClient c WHERE c.apiKey = :key")
public class XapiClient implements Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "api_key", nullable = false)
    private String apiKey;

    @Column(name = "secret_hash", nullable = false)
    private String secretHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ClientScope scope;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    protected XapiClient() {
    }

    public XapiClient(String name, String apiKey, String secretHash, ClientScope scope, String createdBy) {
        this.name = Text.clean(name);
        this.apiKey = apiKey;
        this.secretHash = secretHash;
        this.scope = scope;
        this.createdBy = createdBy;
    }

    @PrePersist
    void onCreate() {
        createdAt = Times.nowUtc();
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Times.nowUtc();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = Text.clean(name);
    }

    public String getApiKey() {
        return apiKey;
    }

    public String getSecretHash() {
        return secretHash;
    }

    public void setSecretHash(String secretHash) {
        this.secretHash = secretHash;
    }

    public ClientScope getScope() {
        return scope;
    }

    public void setScope(ClientScope scope) {
        this.scope = scope;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public LocalDateTime getUpdatedAt() {
        return updatedAt;
    }
}
