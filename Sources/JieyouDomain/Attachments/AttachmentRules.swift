import Foundation

/// The kinds of file a record may carry (issue 25): photos, scans and the office files officials
/// exchange. A file is known by its content, never by its name: a renamed program is none of these.
public enum AttachmentType: String, Sendable, CaseIterable, Codable {
    case jpeg, png, pdf, docx, xlsx

    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .png: "png"
        case .pdf: "pdf"
        case .docx: "docx"
        case .xlsx: "xlsx"
        }
    }

    public var mediaType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .pdf: "application/pdf"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }

    /// Photos are shown in the page; documents are downloaded.
    public var isImage: Bool { self == .jpeg || self == .png }

    /// What the first bytes say, before an office package's entries are looked at.
    public enum Signature: Sendable, Equatable {
        case known(AttachmentType)
        /// A ZIP archive: a .docx or .xlsx only if its entries say so.
        case zipPackage
    }

    /// Reads the file's magic number. JPEG starts FF D8 FF, PNG with its 8-byte signature, PDF with
    /// `%PDF-`, and an OOXML package is a ZIP (`PK\u{3}\u{4}`).
    public static func signature(of head: some Collection<UInt8>) -> Signature? {
        let bytes = Array(head.prefix(8))
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .known(.jpeg) }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .known(.png) }
        if bytes.starts(with: Array("%PDF-".utf8)) { return .known(.pdf) }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .zipPackage }
        return nil
    }

    /// An OOXML package's type from its entry names: `[Content_Types].xml` and the main part.
    public static func officePackage(entries: some Sequence<String>) -> AttachmentType? {
        let names = Set(entries)
        guard names.contains("[Content_Types].xml") else { return nil }
        if names.contains("word/document.xml") { return .docx }
        if names.contains("xl/workbook.xml") { return .xlsx }
        return nil
    }

    /// The message for a file that is none of the accepted kinds.
    public static let acceptedNames = "JPG、PNG 图片，PDF，Word（.docx）或 Excel（.xlsx）文件"
}

/// What a file is for on its record: the 办结材料 of a problem, the 现场照片 of a visit, the 签到表 of
/// a meeting.
public enum AttachmentPurpose: String, Sendable, CaseIterable, Codable {
    /// Sent with the problem (the enterprise's or the recorder's material).
    case submission
    /// 办理进展 material.
    case progress
    /// 办结材料.
    case resolution
    /// 现场照片.
    case photo
    /// 签到表.
    case attendance
    /// 会议纪要.
    case minutes
    /// 信用修复材料: the application, the 信用承诺书, proof the penalty was carried out.
    case repairMaterial
    /// Anything else about a meeting, a visit or a 双公示 record.
    case other

    public var chineseName: String {
        switch self {
        case .submission: "问题材料"
        case .progress: "进展材料"
        case .resolution: "办结材料"
        case .photo: "现场照片"
        case .attendance: "签到表"
        case .minutes: "会议纪要"
        case .repairMaterial: "信用修复材料"
        case .other: "其他材料"
        }
    }

    /// What a file added to a problem now most likely is: 办结材料 once it is resolved, 进展材料 from
    /// the departments working on it, 问题材料 from anyone else (the enterprise, the dispatcher).
    public static func likely(on state: ProblemState, fromHandler: Bool) -> AttachmentPurpose {
        if state == .resolved || state == .closed { return .resolution }
        return fromHandler ? .progress : .submission
    }

    /// The purposes a record of `owner` offers, in the order a form lists them.
    public static func choices(for owner: AttachmentOwner) -> [AttachmentPurpose] {
        switch owner {
        case .problem: [.submission, .progress, .resolution]
        case .visit: [.photo, .other]
        case .meeting: [.attendance, .minutes, .photo, .other]
        case .creditRecord: [.repairMaterial, .other]
        }
    }
}

/// The record a file belongs to; whoever may read the record may read its files.
public enum AttachmentOwner: String, Sendable, CaseIterable, Codable {
    case problem, visit, meeting, creditRecord

    public var chineseName: String {
        switch self {
        case .problem: "问题"
        case .visit: "走访"
        case .meeting: "活动"
        case .creditRecord: "双公示信息"
        }
    }
}

/// The name a file is stored and offered under: the uploader's name without folders or characters a
/// file system or a `Content-Disposition` header would trip on, at most 80 characters, and the
/// extension its content has (a PDF sent as `扫描件.jpg` is offered as `扫描件.pdf`).
public enum AttachmentName {
    public static func clean(_ sent: String?, as type: AttachmentType) -> String {
        var base = display(sent ?? "")
        if let dot = base.lastIndex(of: ".") { base = String(base[..<dot]) }
        base = base.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ".")))
        if base.isEmpty { base = "附件" }
        return String(base.prefix(80)) + "." + type.fileExtension
    }

    /// The sent name as a message may quote it: its last path component, without control characters
    /// and the characters file systems refuse, at most 80 characters.
    public static func display(_ sent: String) -> String {
        let base = sent.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let kept = base.unicodeScalars.filter { scalar in
            !CharacterSet.controlCharacters.contains(scalar) && !"\"<>:|?*;".unicodeScalars.contains(scalar)
        }
        return String(String(String.UnicodeScalarView(kept)).prefix(80))
    }
}
