package vn.hoctap.catalog.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.hoctap.catalog.LearningService;
import vn.hoctap.identity.CurrentActor;

import java.util.List;

/** The courses on the learner's home page, each with its progress and "continue". */
@Named
@RequestScoped
public class MyCoursesView {

    @Inject
    LearningService learning;

    @Inject
    CurrentActor currentActor;

    private List<LearningService.MyCourse> courses;

    public List<LearningService.MyCourse> getCourses() {
        if (courses == null) {
            courses = learning.myCourses(currentActor.require().personId());
        }
        return courses;
    }
}
