package vn.hoctap.catalog.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.hoctap.catalog.CatalogService;
import vn.hoctap.catalog.PublishedCourse;
import vn.hoctap.library.Audience;

import java.util.List;

/** The course catalogue ({@code /courses/}): published courses, searched and filtered. */
@Named
@RequestScoped
public class CatalogueView {

    @Inject
    CatalogService catalog;

    private String q;
    private String topic;
    private String audience;
    private List<PublishedCourse> courses;

    public List<PublishedCourse> getCourses() {
        if (courses == null) {
            courses = catalog.search(q, topic, audience);
        }
        return courses;
    }

    /** Course id → its cover's link, for the cards (a map lookup per card, not a method call). */
    public java.util.Map<Long, String> getCovers() {
        return catalog.covers();
    }

    public List<String> getTopics() {
        return catalog.topics();
    }

    public Audience[] getAudiences() {
        return Audience.values();
    }

    public boolean isFiltered() {
        return (q != null && !q.isBlank()) || (topic != null && !topic.isBlank()) || (audience != null && !audience.isBlank());
    }

    public static String hours(int minutes) {
        return CourseView.hours(minutes);
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }
}
