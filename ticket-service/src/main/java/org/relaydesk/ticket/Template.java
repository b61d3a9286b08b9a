package org.relaydesk.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A text an agent starts a reply, note or forward from. */
@Entity
@jakarta.persistence.Cacheable
@Table(name = "template")
public class Template extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Integer id;

    @Column(nullable = false, unique = true)
    public String name;

    @Column(name = "template_type", nullable = false)
    public TemplateType type = TemplateType.ANSWER;

    public String subject;

    @Column(nullable = false)
    public String body;

    public String comment;

    public boolean valid = true;
}
