import Foundation
import JieyouDomain
import ZIPFoundation

/// Recognises an uploaded file by its content: the magic number, and for a ZIP the entries of an
/// OOXML package (a ZIP that is not a .docx or .xlsx, such as a zipped program, is refused).
public enum OfficePackage {
    public static func attachmentType(of data: Data) -> AttachmentType? {
        switch AttachmentType.signature(of: data.prefix(8)) {
        case .known(let type): return type
        case .zipPackage:
            guard let archive = try? Archive(data: data, accessMode: .read, pathEncoding: nil) else { return nil }
            return AttachmentType.officePackage(entries: archive.map(\.path))
        case nil: return nil
        }
    }
}
