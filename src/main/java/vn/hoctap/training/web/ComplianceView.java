package vn.hoctap.training.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.platform.i18n.FacesMessages;
import vn.hoctap.shared.PageResult;
import vn.hoctap.shared.Times;
import vn.hoctap.training.Compliance;
import vn.hoctap.training.ComplianceService;
import vn.hoctap.training.ComplianceStatus;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * A programme's compliance dashboard ({@code /admin/compliance.xhtml?p=…&u=…}): the figures of a
 * node of the tree, one line per node under it (most behind first, each a link one level down),
 * completions over time against the deadline, and the people, filtered by status.
 */
@Named
@RequestScoped
public class ComplianceView {

    static final int PAGE = 50;

    @Inject
    ComplianceService compliance;

    @Inject
    CurrentActor currentActor;

    @Inject
    vn.hoctap.training.Reports reports;

    private List<vn.hoctap.training.Reports.Report> frozen;

    private String p;
    private Long u;
    private String s;
    private String q;
    private int page;
    private Compliance.Dashboard dashboard;
    private PageResult<Compliance.PersonLine> people;
    private List<Compliance.Point> timeline;

    public void load() {
        var actor = currentActor.require();
        dashboard = compliance.dashboard(actor, p, u);
        u = dashboard.nodeId();
        int offset = Math.max(0, page) * PAGE;
        people = compliance.people(actor, dashboard, status(), q, offset, PAGE);
        timeline = compliance.timeline(actor, p, u);
        frozen = reports.list(dashboard.programme());
    }

    public List<vn.hoctap.training.Reports.Report> getReports() {
        return frozen;
    }

    /** Whether the officer owns the programme (may freeze its figures). */
    public boolean isOwner() {
        return vn.hoctap.training.ProgrammeService.owns(currentActor.require(), dashboard.programme());
    }

    public ComplianceStatus status() {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return ComplianceStatus.valueOf(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public List<ComplianceStatus> getStatuses() {
        return List.of(ComplianceStatus.values());
    }

    public String day(LocalDate d) {
        return Times.day(d);
    }

    public String time(LocalDateTime utc) {
        return utc == null ? "" : Times.display(utc);
    }

    public String percent(double rate) {
        return Compliance.percent(rate);
    }

    /** "All 3 courses" or "2 of 3 courses". */
    public String getRequirement() {
        var prog = dashboard.programme();
        return prog.isAllRequired() ? FacesMessages.text("training.allRequired", prog.courses().size())
                : FacesMessages.text("training.kOfN", prog.required(), prog.courses().size());
    }

    /** Days from today (in Sơn La) to the deadline. */
    public long getDaysLeft() {
        return ChronoUnit.DAYS.between(LocalDate.now(Times.VIETNAM), dashboard.programme().deadline());
    }

    public boolean isHasNext() {
        return (long) (page + 1) * PAGE < people.total();
    }

    /**
     * The chart: cumulative completions (a line) from the start of the period, a dashed "on pace"
     * line from nothing at the start to everyone at the deadline, and the deadline itself.
     */
    public Chart getChart() {
        var prog = dashboard.programme();
        LocalDate start = prog.periodStart();
        LocalDate end = prog.deadline().plusDays(Math.max(7, ChronoUnit.DAYS.between(start, prog.deadline()) / 10));
        LocalDate today = LocalDate.now(Times.VIETNAM);
        if (today.isAfter(end)) {
            end = today;
        }
        long days = Math.max(1, ChronoUnit.DAYS.between(start, end));
        long max = Math.max(1, dashboard.total().assigned());
        StringBuilder line = new StringBuilder();
        double lastX = 0;
        double lastY = Chart.H;
        line.append("M0,").append(Chart.H);
        for (Compliance.Point pt : timeline) {
            double x = x(pt.day(), start, days);
            double y = Chart.H - pt.done() * (double) Chart.H / max;
            line.append(String.format(Locale.ROOT, " L%.1f,%.1f L%.1f,%.1f", x, lastY, x, y));
            lastX = x;
            lastY = y;
        }
        double nowX = Math.min(Chart.W, x(today, start, days));
        line.append(String.format(Locale.ROOT, " L%.1f,%.1f", Math.max(lastX, nowX), lastY));
        double deadlineX = x(prog.deadline(), start, days);
        return new Chart(line.toString(), String.format(Locale.ROOT, "M0,%d L%.1f,0", Chart.H, deadlineX),
                String.format(Locale.ROOT, "%.1f", deadlineX), day(start), day(prog.deadline()), max);
    }

    private static double x(LocalDate d, LocalDate start, long days) {
        return Math.max(0, ChronoUnit.DAYS.between(start, d)) * (double) Chart.W / days;
    }

    /** SVG paths in a {@value W}×{@value H} box. */
    public record Chart(String done, String pace, String deadlineX, String from, String deadline, long max) {
        static final int W = 600;
        static final int H = 160;
    }

    public Compliance.Dashboard getDashboard() {
        return dashboard;
    }

    public PageResult<Compliance.PersonLine> getPeople() {
        return people;
    }

    public String getP() {
        return p;
    }

    public void setP(String p) {
        this.p = p;
    }

    public Long getU() {
        return u;
    }

    public void setU(Long u) {
        this.u = u;
    }

    public String getS() {
        return s == null ? "" : s;
    }

    public void setS(String s) {
        this.s = s;
    }

    /** Never null: links put it in their query strings, where a null would read "null". */
    public String getQ() {
        return q == null ? "" : q;
    }

    /** {@code &q=…} for the page's links, URL-encoded; empty without a search. */
    public String getQParam() {
        return getQ().isBlank() ? "" : "&q=" + java.net.URLEncoder.encode(q.strip(), java.nio.charset.StandardCharsets.UTF_8);
    }

    public void setQ(String q) {
        this.q = q;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }
}
