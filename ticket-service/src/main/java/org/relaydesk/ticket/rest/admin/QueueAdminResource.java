package org.relaydesk.ticket.rest.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import java.util.EnumMap;
import java.util.Map;
import org.relaydesk.ticket.AutoResponse;
import org.relaydesk.ticket.AutoResponseType;
import org.relaydesk.ticket.AgentGroup;
import org.relaydesk.ticket.FollowUpPolicy;
import org.relaydesk.ticket.Queue;
import org.relaydesk.ticket.QueueAutoResponse;
import org.relaydesk.ticket.QueueTemplate;
import org.relaydesk.ticket.Salutation;
import org.relaydesk.ticket.Signature;
import org.relaydesk.ticket.SystemAddress;
import org.relaydesk.ticket.Template;
import org.relaydesk.ticket.rest.admin.AdminDtos.QueueDto;
import org.relaydesk.ticket.repository.AutoResponseRepository;
import org.relaydesk.ticket.repository.QueueTemplateRepository;
import org.relaydesk.ticket.service.AdminCrud;
import org.relaydesk.ticket.service.ProblemException;

/** Admin CRUD of queues, with their templates and auto responses. */
@Path("/api/admin/queues")
@Tag(name = "Admin: queues")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QueueAdminResource {

    @Inject
    AdminCrud crud;
    @Inject
    QueueTemplateRepository queueTemplates;
    @Inject
    AutoResponseRepository autoResponses;

    @GET
    @Transactional
    public List<QueueDto> list() {
        return crud.all(Queue.class, "id").stream().map(this::dto).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public QueueDto get(@PathParam("id") Integer id) {
        return dto(crud.find(Queue.class, id));
    }

    @POST
    @Transactional
    public RestResponse<QueueDto> create(@NotNull @Valid QueueDto body) {
        Queue q = new Queue();
        apply(q, body);
        crud.save(q);
        assign(q, body);
        return RestResponse.ResponseBuilder.<QueueDto>created(URI.create("/api/admin/queues/" + q.id)).entity(dto(q)).build();
    }

    @PUT
    @Path("/{id}")
    @Transactional
    public QueueDto update(@PathParam("id") Integer id, @NotNull @Valid QueueDto body) {
        Queue q = crud.find(Queue.class, id);
        apply(q, body);
        crud.save(q);
        assign(q, body);
        return dto(q);
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    public void delete(@PathParam("id") Integer id) {
        crud.delete(crud.find(Queue.class, id));
    }

    private QueueDto dto(Queue q) {
        Map<AutoResponseType, Integer> responses = new EnumMap<>(AutoResponseType.class);
        autoResponses.assignments(q.id).forEach(a -> responses.put(a.type, a.autoResponseId));
        return new QueueDto(q.id, q.name, q.groupId, q.systemAddressId, q.salutationId, q.signatureId, q.followUpPolicy,
                q.unlockTimeoutMinutes, q.calendarName, q.comment, q.valid, queueTemplates.templateIds(q.id), responses);
    }

    private void apply(Queue q, QueueDto b) {
        crud.reference(AgentGroup.class, b.groupId(), "groupId");
        crud.reference(SystemAddress.class, b.systemAddressId(), "systemAddressId");
        crud.reference(Salutation.class, b.salutationId(), "salutationId");
        crud.reference(Signature.class, b.signatureId(), "signatureId");
        q.name = b.name().strip();
        q.groupId = b.groupId();
        q.systemAddressId = b.systemAddressId();
        q.salutationId = b.salutationId();
        q.signatureId = b.signatureId();
        q.followUpPolicy = b.followUpPolicy() == null ? FollowUpPolicy.REOPEN : b.followUpPolicy();
        q.unlockTimeoutMinutes = b.unlockTimeoutMinutes() == null ? 0 : b.unlockTimeoutMinutes();
        q.calendarName = b.calendarName();
        q.comment = b.comment();
        q.valid = AdminDtos.valid(b.valid());
    }

    /** Replaces template and auto response assignments when the body carries them. */
    private void assign(Queue q, QueueDto b) {
        if (b.templateIds() != null) {
            for (int i = 0; i < b.templateIds().size(); i++) {
                crud.reference(Template.class, b.templateIds().get(i), "templateIds[" + i + "]");
            }
            queueTemplates.delete("queueId", q.id);
            b.templateIds().stream().distinct().forEach(templateId -> {
                QueueTemplate qt = new QueueTemplate();
                qt.queueId = q.id;
                qt.templateId = templateId;
                qt.persist();
            });
        }
        if (b.autoResponses() != null) {
            b.autoResponses().forEach((type, responseId) -> {
                AutoResponse response = responseId == null ? null : crud.find(AutoResponse.class, responseId);
                if (response != null && response.type != type) {
                    throw ProblemException.invalid("autoResponses." + type.code(),
                            "auto response " + responseId + " is of type " + response.type.code());
                }
            });
            QueueAutoResponse.delete("queueId", q.id);
            b.autoResponses().forEach((type, responseId) -> {
                if (responseId != null) {
                    QueueAutoResponse qa = new QueueAutoResponse();
                    qa.queueId = q.id;
                    qa.type = type;
                    qa.autoResponseId = responseId;
                    qa.persist();
                }
            });
        }
    }
}
