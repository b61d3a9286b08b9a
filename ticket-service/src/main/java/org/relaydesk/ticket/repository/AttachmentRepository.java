package org.relaydesk.ticket.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.relaydesk.ticket.Attachment;

/** Attachments; listing reads metadata only, the content is read for a download. */
@ApplicationScoped
public class AttachmentRepository implements PanacheRepositoryBase<Attachment, Long> {

    /** Metadata of an attachment, without its content. */
    public record Info(long id, long articleId, String filename, String contentType, long size) {
    }

    public List<Info> infos(Collection<Long> articleIds) {
        if (articleIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select new org.relaydesk.ticket.repository.AttachmentRepository$Info("
                        + "a.id, a.articleId, a.filename, a.contentType, a.size) from Attachment a "
                        + "where a.articleId in :ids order by a.id", Info.class)
                .setParameter("ids", articleIds).getResultList();
    }

    public Optional<Attachment> ofArticle(long articleId, long attachmentId) {
        return find("id = ?1 and articleId = ?2", attachmentId, articleId).firstResultOptional();
    }
}
