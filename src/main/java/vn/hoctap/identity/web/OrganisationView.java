package vn.hoctap.identity.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.TreeNode;
import vn.hoctap.identity.AccessPolicy;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.identity.OrgUnit;
import vn.hoctap.identity.OrgUnitKind;
import vn.hoctap.identity.OrganisationService;
import vn.hoctap.platform.i18n.FacesMessages;
import vn.hoctap.shared.AccessDeniedException;
import vn.hoctap.shared.ValidationFailure;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The organisation tree: browse it, edit a node, add a child, move a node with its subtree.
 * Everyone on the staff pages sees the tree; only administrators over a node change it.
 */
@Named
@ViewScoped
public class OrganisationView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OrganisationService organisation;

    @Inject
    CurrentActor currentActor;

    private TreeNode<OrgUnit> root;
    private TreeNode<OrgUnit> selectedNode;
    private Long selectedId;

    private String name;
    private Integer population;
    private boolean learningCity;
    private boolean active;

    private OrgUnitKind childKind;
    private String childCode;
    private String childName;
    private OrgUnit moveTarget;

    @PostConstruct
    void init() {
        build();
    }

    private void build() {
        root = new DefaultTreeNode<>(null, null);
        Map<Long, TreeNode<OrgUnit>> nodes = new HashMap<>();
        for (OrgUnit unit : organisation.tree()) {
            TreeNode<OrgUnit> parent = unit.getParent() == null ? root : nodes.getOrDefault(unit.getParent().getId(), root);
            TreeNode<OrgUnit> node = new DefaultTreeNode<>(unit, parent);
            node.setExpanded(unit.getDepth() < 1);
            nodes.put(unit.getId(), node);
            if (unit.getId().equals(selectedId)) {
                node.setSelected(true);
                selectedNode = node;
                expandAncestors(node);
            }
        }
    }

    private static void expandAncestors(TreeNode<OrgUnit> node) {
        for (TreeNode<OrgUnit> n = node.getParent(); n != null; n = n.getParent()) {
            n.setExpanded(true);
        }
    }

    public void onSelect() {
        OrgUnit unit = getSelected();
        if (unit == null) {
            return;
        }
        selectedId = unit.getId();
        name = unit.getName();
        population = unit.getPopulation();
        learningCity = unit.isLearningCity();
        active = unit.isActive();
        Set<OrgUnitKind> kinds = unit.getKind().allowedChildren();
        childKind = kinds.isEmpty() ? null : kinds.iterator().next();
        childCode = null;
        childName = null;
        moveTarget = null;
    }

    public void save() {
        change(() -> organisation.update(currentActor.require(), selectedId, name, population, learningCity, active));
    }

    public void addChild() {
        change(() -> organisation.create(currentActor.require(), selectedId, childKind, childCode, childName, null, false));
    }

    public void move() {
        if (moveTarget == null) {
            FacesMessages.error("org.error.chooseParent");
            return;
        }
        change(() -> organisation.move(currentActor.require(), selectedId, moveTarget.getId()));
    }

    private void change(java.util.function.Supplier<OrgUnit> action) {
        try {
            OrgUnit changed = action.get();
            selectedId = changed.getId();
            build();
            onSelect();
            FacesMessages.info("admin.saved");
        } catch (ValidationFailure e) {
            FacesMessages.problems(e);
        } catch (AccessDeniedException e) {
            FacesMessages.error("org.error.notAllowed");
        }
    }

    public List<OrgUnit> completeParent(String typed) {
        return organisation.searchUnits(typed, null, 20);
    }

    public boolean isEditable() {
        OrgUnit unit = getSelected();
        return unit != null && AccessPolicy.canEditOrganisation(currentActor.require(), unit.getPath());
    }

    public List<OrgUnitKind> getChildKinds() {
        OrgUnit unit = getSelected();
        return unit == null ? List.of() : List.copyOf(unit.getKind().allowedChildren());
    }

    public OrgUnit getSelected() {
        return selectedNode == null ? null : selectedNode.getData();
    }

    public TreeNode<OrgUnit> getRoot() {
        return root;
    }

    public TreeNode<OrgUnit> getSelectedNode() {
        return selectedNode;
    }

    public void setSelectedNode(TreeNode<OrgUnit> selectedNode) {
        this.selectedNode = selectedNode;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getPopulation() {
        return population;
    }

    public void setPopulation(Integer population) {
        this.population = population;
    }

    public boolean isLearningCity() {
        return learningCity;
    }

    public void setLearningCity(boolean learningCity) {
        this.learningCity = learningCity;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public OrgUnitKind getChildKind() {
        return childKind;
    }

    public void setChildKind(OrgUnitKind childKind) {
        this.childKind = childKind;
    }

    public String getChildCode() {
        return childCode;
    }

    public void setChildCode(String childCode) {
        this.childCode = childCode;
    }

    public String getChildName() {
        return childName;
    }

    public void setChildName(String childName) {
        this.childName = childName;
    }

    public OrgUnit getMoveTarget() {
        return moveTarget;
    }

    public void setMoveTarget(OrgUnit moveTarget) {
        this.moveTarget = moveTarget;
    }
}
