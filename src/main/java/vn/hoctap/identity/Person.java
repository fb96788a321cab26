package vn.hoctap.identity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import vn.hoctap.shared.Text;
import vn.hoctap.shared.Times;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A person with an account: public staff or a resident. Holds posts (a position in a unit; several
 * at once for concurrent posts) and roles over nodes of the organisation tree.
 *
 * <p>Invariants: the username is lower-case and unique; the phone, when present, is in national
 * form ({@code 0xxxxxxxxx}) and unique, so either signs in; {@code searchKey} is the folded name,
 * username, phone, staff code and e-mail, kept in step by every setter.
 */
@Entity
@jakarta.persistence.EntityListeners(AccountSnapshots.Changes.class)
@Table(name = "person")
@NamedQuery(name = "Person.findByUsername", query = "SELECT p FROM Person p WHERE p.username = :username")
@NamedQuery(name = "Person.findByPhone", query = "SELECT p FROM Person p WHERE p.phone = :phone")
@NamedQuery(name = "Person.findByStaffCode", query = "SELECT p FROM Person p WHERE p.staffCode = :code")
@NamedQuery(name = "Person.findByStaffCodes", query = "SELECT p FROM Person p WHERE p.staffCode IN :codes")
@NamedQuery(name = "Person.findByPhones", query = "SELECT p FROM Person p WHERE p.phone IN :phones")
@NamedQuery(name = "Person.findByUsernames", query = "SELECT p FROM Person p WHERE p.username IN :usernames")
public class Person implements Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String username;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    @Column(name = "search_key", nullable = false)
    private String searchKey;

    private String phone;

    private String email;

    @Column(name = "staff_code")
    private String staffCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "account_type", nullable = false)
    private AccountType accountType;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "home_unit_id")
    private OrgUnit homeUnit;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "password_change_required", nullable = false)
    private boolean passwordChangeRequired;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "last_login_at")
    private LocalDateTime lastLoginAt;

    @OneToMany(mappedBy = "person", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("main DESC, id")
    private List<Post> posts = new ArrayList<>();

    @OneToMany(mappedBy = "person", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<RoleGrant> roleGrants = new ArrayList<>();

    @Version
    private long version;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    /** When posts, home unit, roles or the enabled flag last changed: programmes re-evaluate who they are for. */
    @Column(name = "membership_changed_at")
    private LocalDateTime membershipChangedAt;

    protected Person() {
    }

    public Person(String username, String fullName, AccountType accountType) {
        this.username = username;
        this.fullName = Text.clean(fullName);
        this.accountType = accountType;
        refreshSearchKey();
    }

    public Post addPost(OrgUnit unit, JobPosition position) {
        Optional<Post> existing = posts.stream()
                .filter(p -> p.getUnit().getId().equals(unit.getId()) && p.getPosition().getId().equals(position.getId()))
                .findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        Post post = new Post(this, unit, position, posts.isEmpty());
        posts.add(post);
        membershipChanged();
        return post;
    }

    public void removePost(Post post) {
        posts.remove(post);
        membershipChanged();
        if (posts.stream().noneMatch(Post::isMain) && !posts.isEmpty()) {
            posts.get(0).setMain(true);
        }
    }

    public RoleGrant grant(Role role, OrgUnit scope, Long grantedBy) {
        return roleGrants.stream()
                .filter(g -> g.getRole() == role && g.getScope().getId().equals(scope.getId()))
                .findFirst()
                .orElseGet(() -> {
                    RoleGrant grant = new RoleGrant(this, role, scope, grantedBy);
                    roleGrants.add(grant);
                    membershipChanged();
                    return grant;
                });
    }

    public void revoke(RoleGrant grant) {
        roleGrants.remove(grant);
        membershipChanged();
    }

    /** The units this person belongs to: the units of their posts, and their home commune or ward. */
    public List<OrgUnit> units() {
        List<OrgUnit> units = posts.stream().map(Post::getUnit).collect(Collectors.toCollection(ArrayList::new));
        if (homeUnit != null) {
            units.add(homeUnit);
        }
        return units;
    }

    /** A plain snapshot of what an administrator can change, for the audit log. */
    public Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("username", username);
        s.put("fullName", fullName);
        s.put("phone", phone);
        s.put("email", email);
        s.put("staffCode", staffCode);
        s.put("accountType", accountType.name());
        s.put("homeUnit", homeUnit == null ? null : homeUnit.getCode());
        s.put("enabled", enabled);
        s.put("posts", posts.stream().map(p -> p.getUnit().getCode() + "/" + p.getPosition().getCode()).toList());
        s.put("roles", roleGrants.stream().map(g -> g.getRole().name() + "@" + g.getScope().getCode()).toList());
        return s;
    }

    private void refreshSearchKey() {
        String key = String.join(" ", Text.fold(fullName), username == null ? "" : username,
                phone == null ? "" : phone, staffCode == null ? "" : Text.fold(staffCode),
                email == null ? "" : email.toLowerCase());
        searchKey = key.length() > 500 ? key.substring(0, 500) : key;
    }

    private void membershipChanged() {
        membershipChangedAt = Times.nowUtc();
    }

    private static Long idOf(OrgUnit unit) {
        return unit == null ? null : unit.getId();
    }

    @PrePersist
    void onCreate() {
        createdAt = Times.nowUtc();
        updatedAt = createdAt;
        membershipChangedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Times.nowUtc();
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = Text.clean(fullName);
        refreshSearchKey();
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
        refreshSearchKey();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = Text.clean(email);
        refreshSearchKey();
    }

    public String getStaffCode() {
        return staffCode;
    }

    public void setStaffCode(String staffCode) {
        this.staffCode = Text.clean(staffCode);
        refreshSearchKey();
    }

    public AccountType getAccountType() {
        return accountType;
    }

    public OrgUnit getHomeUnit() {
        return homeUnit;
    }

    public void setHomeUnit(OrgUnit homeUnit) {
        if (!java.util.Objects.equals(idOf(this.homeUnit), idOf(homeUnit))) {
            membershipChanged();
        }
        this.homeUnit = homeUnit;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash, boolean changeRequired) {
        this.passwordHash = passwordHash;
        this.passwordChangeRequired = changeRequired;
    }

    public boolean isPasswordChangeRequired() {
        return passwordChangeRequired;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        if (this.enabled != enabled) {
            membershipChanged();
        }
        this.enabled = enabled;
    }

    public LocalDateTime getLastLoginAt() {
        return lastLoginAt;
    }

    public void setLastLoginAt(LocalDateTime lastLoginAt) {
        this.lastLoginAt = lastLoginAt;
    }

    public List<Post> getPosts() {
        return posts;
    }

    public List<RoleGrant> getRoleGrants() {
        return roleGrants;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
