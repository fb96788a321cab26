package vn.hoctap.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.platform.notify.Notice;
import vn.hoctap.platform.notify.Notifications;
import vn.hoctap.shared.Times;

import java.util.List;

/**
 * The signed-in person's notices ({@code /me/notifications.xhtml}) and the unread count in the
 * header. Opening the list marks everything read.
 */
@Named
@RequestScoped
public class NotificationsView {

    @Inject
    Notifications notifications;

    @Inject
    CurrentActor currentActor;

    private Long unread;
    private List<Notice.Stored> list;

    public void load() {
        long person = currentActor.require().personId();
        list = notifications.recent(person, 100);
        notifications.markAllRead(person);
        unread = 0L;
    }

    public long getUnread() {
        if (unread == null) {
            unread = currentActor.isSignedIn() && currentActor.get().personId() != null
                    ? notifications.unread(currentActor.get().personId()) : 0L;
        }
        return unread;
    }

    public List<Notice.Stored> getList() {
        return list;
    }

    /** Subject, body and absolute link of a notice in the reader's language. */
    public String[] text(Notice.Stored n) {
        return notifications.render(FacesContext.getCurrentInstance().getViewRoot().getLocale(), n.subjectKey(), n.bodyKey(),
                n.args(), n.link());
    }

    public String time(java.time.LocalDateTime utc) {
        return Times.display(utc);
    }
}
