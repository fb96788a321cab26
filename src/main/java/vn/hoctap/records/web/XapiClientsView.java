package vn.hoctap.records.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.platform.i18n.FacesMessages;
import vn.hoctap.platform.web.PublicUrl;
import vn.hoctap.records.ClientScope;
import vn.hoctap.records.XapiClient;
import vn.hoctap.records.XapiClients;
import vn.hoctap.shared.ValidationFailure;

import java.io.Serializable;
import java.util.List;

/**
 * The systems allowed to write to and read from the LRS (course packages, reporting tools,
 * another LRS): an administrator creates one, sees its secret once, changes its scope or disables
 * it. {@code /admin/xapi-clients.xhtml}.
 */
@Named
@ViewScoped
public class XapiClientsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    XapiClients clients;

    @Inject
    CurrentActor currentActor;

    @Inject
    PublicUrl publicUrl;

    private List<XapiClient> list;
    private String name;
    private ClientScope scope = ClientScope.WRITE_ONLY;
    private String issuedKey;
    private String issuedSecret;

    public void load() {
        list = clients.list(currentActor.require());
    }

    public void create() {
        try {
            XapiClients.Issued issued = clients.create(currentActor.require(), name, scope);
            show(issued);
            name = null;
            FacesMessages.info("xapi.clients.created", issued.client().getName());
            load();
        } catch (ValidationFailure e) {
            FacesMessages.problems(e);
        }
    }

    public void newSecret(long id) {
        show(clients.newSecret(currentActor.require(), id));
        FacesMessages.info("xapi.clients.secretIssued");
        load();
    }

    public void toggle(XapiClient client) {
        clients.update(currentActor.require(), client.getId(), client.getScope(), !client.isEnabled());
        load();
    }

    private void show(XapiClients.Issued issued) {
        issuedKey = issued.client().getApiKey();
        issuedSecret = issued.secret();
    }

    public String getEndpoint() {
        return publicUrl.of("/xapi/");
    }

    public ClientScope[] getScopes() {
        return ClientScope.values();
    }

    public List<XapiClient> getList() {
        return list;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public ClientScope getScope() {
        return scope;
    }

    public void setScope(ClientScope scope) {
        this.scope = scope;
    }

    public String getIssuedKey() {
        return issuedKey;
    }

    public String getIssuedSecret() {
        return issuedSecret;
    }
}
