package vn.hoctap.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import vn.hoctap.shared.PageResult;
import vn.hoctap.shared.PhoneNumber;
import vn.hoctap.shared.Text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Finding people, with lists paged, sorted and filtered in the database. */
@ApplicationScoped
public class PersonRepository {

    @PersistenceContext
    EntityManager em;

    public Optional<Person> find(long id) {
        return Optional.ofNullable(em.find(Person.class, id));
    }

    public Optional<Person> findByUsername(String username) {
        return first(em.createNamedQuery("Person.findByUsername", Person.class)
                .setParameter("username", username.toLowerCase(Locale.ROOT)));
    }

    public Optional<Person> findByPhone(String phone) {
        return first(em.createNamedQuery("Person.findByPhone", Person.class).setParameter("phone", phone));
    }

    public Optional<Person> findByStaffCode(String code) {
        return first(em.createNamedQuery("Person.findByStaffCode", Person.class).setParameter("code", code));
    }

    /** A login name is a username or a phone number in any common spelling. */
    public Optional<Person> findByLogin(String login) {
        if (login == null || login.isBlank()) {
            return Optional.empty();
        }
        String trimmed = login.trim();
        if (PhoneNumber.looksLikePhone(trimmed)) {
            Optional<String> phone = PhoneNumber.normalize(trimmed);
            if (phone.isPresent()) {
                Optional<Person> byPhone = findByPhone(phone.get());
                if (byPhone.isPresent()) {
                    return byPhone;
                }
            }
        }
        return findByUsername(trimmed);
    }

    public Map<String, Person> byKey(String namedQuery, String parameter, Collection<String> keys,
                                         java.util.function.Function<Person, String> key) {
        Map<String, Person> found = new HashMap<>();
        List<String> all = new ArrayList<>(keys);
        for (int i = 0; i < all.size(); i += 1000) {
            em.createNamedQuery(namedQuery, Person.class)
                    .setParameter(parameter, all.subList(i, Math.min(all.size(), i + 1000)))
                    .setHint("eclipselink.batch.type", "IN")
                    .setHint("eclipselink.batch", "p.posts")
                    .setHint("eclipselink.batch", "p.roleGrants")
                    .getResultList()
                    .forEach(p -> found.put(key.apply(p), p));
        }
        return found;
    }

    /**
     * People matching the query, among those under {@code scopes} (tree paths; null = everyone).
     * Someone belongs under a scope through a post in a unit there or through their home commune.
     */
    public PageResult<Person> search(PeopleQuery query, List<String> scopes, int offset, int limit, boolean withItems,
                                     boolean withCount) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (scopes != null) {
            where.append(" AND (").append(belongsUnder("p", scopes, "s", params)).append(")");
        }
        if (query.unitPath() != null) {
            where.append(" AND (").append(belongsUnder("p", List.of(query.unitPath()), "u", params)).append(")");
        }
        if (!Text.isBlank(query.text())) {
            where.append(" AND p.searchKey LIKE :text");
            params.put("text", Text.likeContains(Text.fold(query.text())));
        }
        if (query.type() != null) {
            where.append(" AND p.accountType = :type");
            params.put("type", query.type());
        }
        if (query.enabled() != null) {
            where.append(" AND p.enabled = :enabled");
            params.put("enabled", query.enabled());
        }
        if (query.role() != null) {
            where.append(" AND EXISTS (SELECT g FROM RoleGrant g WHERE g.person = p AND g.role = :role)");
            params.put("role", query.role());
        }
        String order = switch (query.sort() == null ? PeopleQuery.Sort.NAME : query.sort()) {
            case NAME -> " ORDER BY p.fullName, p.id";
            case NAME_DESC -> " ORDER BY p.fullName DESC, p.id DESC";
            case USERNAME -> " ORDER BY p.username";
            case NEWEST -> " ORDER BY p.createdAt DESC, p.id DESC";
        };
        TypedQuery<Person> page = em.createQuery("SELECT p FROM Person p" + where + order, Person.class)
                .setHint("eclipselink.batch.type", "IN")
                .setHint("eclipselink.batch", "p.posts")
                .setHint("eclipselink.batch", "p.homeUnit");
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(p) FROM Person p" + where, Long.class);
        params.forEach((k, v) -> {
            page.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<Person> items = withItems ? page.setFirstResult(offset).setMaxResults(limit).getResultList() : List.of();
        return new PageResult<>(items, withCount ? count.getSingleResult() : -1, offset, limit);
    }

    private static String belongsUnder(String alias, List<String> paths, String prefix, Map<String, Object> params) {
        if (paths.isEmpty()) {
            return "1 = 0";
        }
        List<String> post = new ArrayList<>();
        List<String> home = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            String name = prefix + i;
            params.put(name, paths.get(i) + "%");
            post.add("po.unit.path LIKE :" + name);
            home.add(alias + ".homeUnit.path LIKE :" + name);
        }
        return "EXISTS (SELECT po FROM Post po WHERE po.person = " + alias + " AND (" + String.join(" OR ", post) + "))"
                + " OR EXISTS (SELECT h FROM OrgUnit h WHERE h = " + alias + ".homeUnit AND ("
                + String.join(" OR ", home).replace(alias + ".homeUnit.path", "h.path") + "))";
    }

    private static <T> Optional<T> first(TypedQuery<T> query) {
        return query.setMaxResults(1).getResultList().stream().findFirst();
    }
}
