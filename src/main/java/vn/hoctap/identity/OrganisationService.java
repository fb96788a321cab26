package vn.hoctap.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import vn.hoctap.platform.audit.AuditEvent;
import vn.hoctap.platform.audit.AuditService;
import vn.hoctap.shared.AccessDeniedException;
import vn.hoctap.shared.NotFoundException;
import vn.hoctap.shared.Text;
import vn.hoctap.shared.ValidationFailure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The province's organisation tree and the catalogue of job positions. Every change is checked
 * against the actor's scope and written to the audit log in the same transaction.
 */
@ApplicationScoped
public class OrganisationService {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_.\\-]{0,39}");

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditService audit;

    /** The whole tree, parents before children, siblings by name. */
    public List<OrgUnit> tree() {
        return em.createNamedQuery("OrgUnit.all", OrgUnit.class).getResultList();
    }

    public Optional<OrgUnit> root() {
        return em.createNamedQuery("OrgUnit.root", OrgUnit.class).setMaxResults(1).getResultList().stream().findFirst();
    }

    public OrgUnit get(long id) {
        OrgUnit unit = em.find(OrgUnit.class, id);
        if (unit == null) {
            throw new NotFoundException("org unit " + id);
        }
        return unit;
    }

    public Optional<OrgUnit> findByCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return em.createNamedQuery("OrgUnit.findByCode", OrgUnit.class)
                .setParameter("code", code.trim().toUpperCase(Locale.ROOT))
                .getResultList().stream().findFirst();
    }

    /** Communes and wards, for residents choosing where they live. */
    public List<OrgUnit> localities() {
        return em.createQuery("SELECT u FROM OrgUnit u WHERE u.kind IN :kinds AND u.active = TRUE ORDER BY u.name",
                        OrgUnit.class)
                .setParameter("kinds", List.of(OrgUnitKind.COMMUNE, OrgUnitKind.WARD))
                .getResultList();
    }

    /** Active units whose folded name or code contains the text, inside the given scopes (null = all). */
    public List<OrgUnit> searchUnits(String text, List<String> scopes, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT u FROM OrgUnit u WHERE u.active = TRUE");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!Text.isBlank(text)) {
            jpql.append(" AND (u.searchKey LIKE :text OR u.code LIKE :text)");
            params.put("text", Text.likeContains(Text.fold(text)));
        }
        if (scopes != null) {
            if (scopes.isEmpty()) {
                return List.of();
            }
            jpql.append(" AND (");
            for (int i = 0; i < scopes.size(); i++) {
                jpql.append(i > 0 ? " OR " : "").append("u.path LIKE :s").append(i);
                params.put("s" + i, scopes.get(i) + "%");
            }
            jpql.append(")");
        }
        jpql.append(" ORDER BY u.depth, u.name");
        var query = em.createQuery(jpql.toString(), OrgUnit.class);
        params.forEach(query::setParameter);
        return query.setMaxResults(limit).getResultList();
    }

    @Transactional
    public OrgUnit create(Actor actor, Long parentId, OrgUnitKind kind, String code, String name,
                          Integer population, boolean learningCity) {
        OrgUnit parent = parentId == null ? null : get(parentId);
        boolean allowed = parent == null
                ? AccessPolicy.isProvinceAdmin(actor)
                : AccessPolicy.canEditOrganisation(actor, parent.getPath());
        if (!allowed) {
            throw new AccessDeniedException("organisation");
        }
        if (parent == null && root().isPresent()) {
            throw new ValidationFailure("parent", "org.error.oneRoot");
        }
        String normalizedCode = requireCode(code);
        requireName(name);
        if (parent != null && !parent.getKind().allowedChildren().contains(kind)) {
            throw new ValidationFailure("kind", "org.error.kindNotAllowed");
        }
        if (findByCode(normalizedCode).isPresent()) {
            throw new ValidationFailure("code", "org.error.codeTaken", normalizedCode);
        }
        OrgUnit unit = new OrgUnit(parent, kind, normalizedCode, name);
        unit.setPopulation(population);
        unit.setLearningCity(learningCity);
        em.persist(unit);
        em.flush();
        unit.assignPath();
        record(actor, "org.create", unit, null, snapshot(unit));
        return unit;
    }

    @Transactional
    public OrgUnit update(Actor actor, long id, String name, Integer population, boolean learningCity, boolean active) {
        OrgUnit unit = get(id);
        requireEditable(actor, unit);
        requireName(name);
        if (population != null && population < 0) {
            throw new ValidationFailure("population", "org.error.population");
        }
        Map<String, Object> before = snapshot(unit);
        unit.rename(name);
        unit.setPopulation(population);
        unit.setLearningCity(learningCity);
        unit.setActive(active);
        record(actor, "org.update", unit, before, snapshot(unit));
        return unit;
    }

    /** Moves a node and its whole subtree under another parent. */
    @Transactional
    public OrgUnit move(Actor actor, long id, long newParentId) {
        OrgUnit unit = get(id);
        OrgUnit newParent = get(newParentId);
        requireEditable(actor, unit);
        requireEditable(actor, newParent);
        if (newParent.getPath().startsWith(unit.getPath())) {
            throw new ValidationFailure("parent", "org.error.moveIntoItself");
        }
        if (!newParent.getKind().allowedChildren().contains(unit.getKind())) {
            throw new ValidationFailure("parent", "org.error.kindNotAllowed");
        }
        Map<String, Object> before = snapshot(unit);
        String oldPrefix = unit.getPath();
        int depthDelta = newParent.getDepth() + 1 - unit.getDepth();
        unit.moveUnder(newParent);
        String newPrefix = newParent.getPath() + unit.getId() + "/";
        for (OrgUnit u : em.createNamedQuery("OrgUnit.subtree", OrgUnit.class)
                .setParameter("prefix", oldPrefix + "%").getResultList()) {
            u.rebase(oldPrefix, newPrefix, depthDelta);
        }
        record(actor, "org.move", unit, before, snapshot(unit));
        return unit;
    }

    public List<JobPosition> positions() {
        return em.createNamedQuery("JobPosition.all", JobPosition.class).getResultList();
    }

    public Optional<JobPosition> findPosition(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return em.createNamedQuery("JobPosition.findByCode", JobPosition.class)
                .setParameter("code", code.trim().toUpperCase(Locale.ROOT))
                .getResultList().stream().findFirst();
    }

    public JobPosition getPosition(long id) {
        JobPosition p = em.find(JobPosition.class, id);
        if (p == null) {
            throw new NotFoundException("position " + id);
        }
        return p;
    }

    @Transactional
    public JobPosition savePosition(Actor actor, Long id, String code, String name, String description, boolean active) {
        if (!AccessPolicy.isProvinceAdmin(actor)) {
            throw new AccessDeniedException("positions");
        }
        requireName(name);
        JobPosition position;
        Map<String, Object> before = null;
        if (id == null) {
            String normalizedCode = requireCode(code);
            if (findPosition(normalizedCode).isPresent()) {
                throw new ValidationFailure("code", "position.error.codeTaken", normalizedCode);
            }
            position = new JobPosition(normalizedCode, name);
            em.persist(position);
        } else {
            position = getPosition(id);
            before = snapshot(position);
            position.setName(name);
        }
        position.setDescription(description);
        position.setActive(active);
        em.flush();
        audit.record(new AuditEvent(actor.personId(), actor.username(), id == null ? "position.create" : "position.update",
                "position", position.getId().toString(), position.getName(), null, before, snapshot(position)));
        return position;
    }

    private void requireEditable(Actor actor, OrgUnit unit) {
        if (!AccessPolicy.canEditOrganisation(actor, unit.getPath())) {
            throw new AccessDeniedException("organisation");
        }
    }

    static String requireCode(String code) {
        String normalized = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(normalized).matches()) {
            throw new ValidationFailure("code", "org.error.code");
        }
        return normalized;
    }

    private static void requireName(String name) {
        if (Text.isBlank(name) || name.length() > 255) {
            throw new ValidationFailure("name", "org.error.name");
        }
    }

    private void record(Actor actor, String action, OrgUnit unit, Map<String, Object> before, Map<String, Object> after) {
        audit.record(new AuditEvent(actor.personId(), actor.username(), action, "org_unit", unit.getId().toString(),
                unit.getName(), unit.getPath(), before, after));
    }

    static Map<String, Object> snapshot(OrgUnit unit) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("code", unit.getCode());
        s.put("name", unit.getName());
        s.put("kind", unit.getKind().name());
        s.put("parent", unit.getParent() == null ? null : unit.getParent().getCode());
        s.put("population", unit.getPopulation());
        s.put("learningCity", unit.isLearningCity());
        s.put("active", unit.isActive());
        return s;
    }

    private static Map<String, Object> snapshot(JobPosition p) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("code", p.getCode());
        s.put("name", p.getName());
        s.put("description", p.getDescription());
        s.put("active", p.isActive());
        return s;
    }
}
