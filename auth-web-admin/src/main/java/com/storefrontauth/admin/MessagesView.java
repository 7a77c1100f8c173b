package com.storefrontauth.admin;

import com.storefrontauth.domain.message.BuiltInMessages;
import com.storefrontauth.domain.message.MessageKind;
import com.storefrontauth.domain.message.MessageTemplates;
import com.storefrontauth.domain.message.RenderedMessage;
import com.storefrontauth.domain.shared.DomainException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A store's messages: pick a kind, edit its subject and text, see the message it would send as you type
 * (the domain's preview, refused exactly as saving would be), save it or go back to the built-in text.
 */
@Named
@ViewScoped
public class MessagesView extends StorePage {

    private static final long serialVersionUID = 1L;

    @Inject
    MessageTemplates templates;

    private MessageTemplates.Wording wording;
    private String kind = MessageKind.SIGN_IN_CODE.wireValue();
    private String subject;
    private String text;
    private RenderedMessage preview;
    private String previewRefusal;

    @Override
    protected void refresh() {
        wording = templates.wording(session.operator(), id());
        MessageTemplates.Entry entry = entry();
        subject = entry.template().subject();
        text = entry.template().text();
        updatePreview();
    }

    /** Another kind chosen: its template in force goes into the form. */
    public void chooseKind() {
        load();
    }

    public void updatePreview() {
        try {
            preview = templates.preview(session.operator(), id(), kind(), subject, text);
            previewRefusal = null;
        } catch (DomainException refused) {
            preview = null;
            previewRefusal = refused.fieldErrors().isEmpty()
                    ? refused.detail()
                    : refused.fieldErrors().entrySet().stream()
                            .flatMap(field -> field.getValue().stream().map(message -> field.getKey() + " " + message))
                            .collect(Collectors.joining("\n"));
        }
    }

    public void save() {
        if (Feedback.attempt(
                () -> templates.save(session.operator(), id(), kind(), subject, text, Feedback.client()),
                "Template saved: the next " + kind().label().toLowerCase() + " uses it.")) {
            load();
        }
    }

    public void reset() {
        if (Feedback.attempt(
                () -> templates.reset(session.operator(), id(), kind(), Feedback.client()),
                "Back to the built-in text.")) {
            load();
        }
    }

    private MessageKind kind() {
        return MessageKind.fromWire(kind)
                .filter(MessageKind::isPerStore)
                .orElseThrow(() -> DomainException.notFound("message kind"));
    }

    private MessageTemplates.Entry entry() {
        if (wording == null) {
            wording = templates.wording(session.operator(), id());
        }
        return wording.entries().stream()
                .filter(entry -> entry.kind() == kind())
                .findFirst()
                .orElseThrow();
    }

    public List<MessageKind> getKinds() {
        return MessageKind.perStoreKinds();
    }

    public boolean isCustomised() {
        return entry().customised();
    }

    /** The language the built-in texts are in for this store, as the page names it. */
    public String getBuiltInLanguage() {
        if (wording == null) {
            return "";
        }
        return BuiltInMessages.speaks(wording.preferred())
                ? wording.preferred().englishName()
                : "English (the store prefers " + wording.preferred().englishName() + ", which has no built-in texts)";
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public RenderedMessage getPreview() {
        return preview;
    }

    public String getPreviewRefusal() {
        return previewRefusal;
    }
}
