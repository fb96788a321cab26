package vn.hoctap.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import vn.hoctap.shared.Times;

import java.io.Serializable;
import java.time.LocalDateTime;

/** A person's post: a job position held in a unit. One post per person is the main one. */
@Entity
@Table(name = "post")
public class Post implements Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id")
    private Person person;

    @ManyToOne(optional = false)
    @JoinColumn(name = "unit_id")
    private OrgUnit unit;

    @ManyToOne(optional = false)
    @JoinColumn(name = "position_id")
    private JobPosition position;

    @Column(nullable = false)
    private boolean main;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    protected Post() {
    }

    Post(Person person, OrgUnit unit, JobPosition position, boolean main) {
        this.person = person;
        this.unit = unit;
        this.position = position;
        this.main = main;
    }

    @PrePersist
    void onCreate() {
        createdAt = Times.nowUtc();
    }

    public Long getId() {
        return id;
    }

    public Person getPerson() {
        return person;
    }

    public OrgUnit getUnit() {
        return unit;
    }

    public JobPosition getPosition() {
        return position;
    }

    public boolean isMain() {
        return main;
    }

    void setMain(boolean main) {
        this.main = main;
    }
}
