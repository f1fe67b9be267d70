import Foundation
import JieyouDomain

/// A record's 附件 on its page: each file with its purpose, size, uploader and time, and, for those
/// who may add to them, the upload form with its errors. Photos are links, not inline pictures: every
/// download is an event in the log, and a page view should not write three.
struct AttachmentSectionView {
    let section: AttachmentSection
    let csrf: HTML
    var errors: [FieldError] = []
    /// The purpose the form starts at (its first when nil).
    var likely: AttachmentPurpose? = nil

    private var records: [AttachmentRecord] { section.records }
    private var owner: AttachmentOwner { section.owner }
    private var maxMegabytes: Int { section.maxMegabytes }

    /// Where the upload form posts; nil when the reader may not add files.
    private var uploadPath: String? {
        guard section.mayAdd else { return nil }
        return switch owner {
        case .problem: SiteURL.problemAttachments(.value(section.ownerID)).path
        case .visit: SiteURL.visitAttachments(.value(section.ownerID)).path
        case .meeting: SiteURL.meetingAttachments(.value(section.ownerID)).path
        case .creditRecord: SiteURL.creditAttachments(.value(section.ownerID)).path
        }
    }

    /// What the file picker offers: pictures, PDFs and office files.
    static let accept = "image/jpeg,image/png,.jpg,.jpeg,.png,.pdf,.docx,.xlsx"

    var html: HTML {
        let fields = FormFields(errors: errors, idPrefix: "attach-")
        let form: HTML =
            if let uploadPath {
                """
                <form method="post" action="\(uploadPath)" enctype="multipart/form-data" class="attach-form" data-testid="attach-form">
                \(csrf)\(fields.summary)
                \(fields.select("purpose", "用途", options: AttachmentPurpose.choices(for: owner).map { ($0.rawValue, $0.chineseName) }, selected: likely?.rawValue, blank: nil))
                \(fields.files("选择文件", accept: Self.accept, hint: "可多选；\(AttachmentType.acceptedNames)，每个不超过 \(maxMegabytes) MB"))
                <div class="actions"><button type="submit">上传</button></div>
                </form>
                """
            } else { .empty }
        return """
            <h2 id="files">附件（\(records.count)）</h2>
            \(records.isEmpty ? HTML("<p class=\"muted\">暂无附件</p>") : Self.list(records))
            \(form)
            """
    }

    /// The files as a list; also used where a record shows its files without a form (a visit).
    static func list(_ records: [AttachmentRecord]) -> HTML {
        let items = records.map { record -> HTML in
            let link = SiteURL.attachment(.value(record.id)).path
            return """
                <li><a href="\(link)" data-testid="attachment">\(record.fileName)</a> \
                <span class="tag">\(record.purposeName)</span> \
                <span class="muted">\(size(record.byteCount)) · \(record.uploaderName ?? "—") · \(ChinaTime.dateTime(record.createdAt))</span></li>
                """
        }
        return "<ul class=\"attachments plain\" data-testid=\"attachments\">\(items)</ul>"
    }

    static func size(_ bytes: Int64) -> String {
        if bytes >= 1_048_576 { return String(format: "%.1f MB", Double(bytes) / 1_048_576) }
        return "\(max(1, (bytes + 1023) / 1024)) KB"
    }
}
