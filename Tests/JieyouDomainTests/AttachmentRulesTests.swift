import Foundation
import Testing

@testable import JieyouDomain

/// A file is known by its content: the magic number, and for a ZIP the parts of an office package.
@Suite struct AttachmentRulesTests {
    @Test func theMagicNumbersNameTheKind() {
        #expect(AttachmentType.signature(of: [0xFF, 0xD8, 0xFF, 0xE1]) == .known(.jpeg))
        #expect(AttachmentType.signature(of: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) == .known(.png))
        #expect(AttachmentType.signature(of: Array("%PDF-1.7".utf8)) == .known(.pdf))
        #expect(AttachmentType.signature(of: [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]) == .zipPackage)
        // A program (ELF, PE), a GIF, plain text, a truncated PNG signature and nothing: none.
        for bytes: [UInt8] in [
            [0x7F, 0x45, 0x4C, 0x46], [0x4D, 0x5A, 0x90, 0x00], Array("GIF89a".utf8), Array("hello".utf8),
            [0x89, 0x50, 0x4E, 0x47], [],
        ] {
            #expect(AttachmentType.signature(of: bytes) == nil)
        }
    }

    @Test func anOfficePackageIsKnownByItsMainPart() {
        #expect(AttachmentType.officePackage(entries: ["[Content_Types].xml", "word/document.xml"]) == .docx)
        #expect(AttachmentType.officePackage(entries: ["[Content_Types].xml", "xl/workbook.xml"]) == .xlsx)
        // A zip with a document but no content types, or a zipped program: none.
        #expect(AttachmentType.officePackage(entries: ["word/document.xml"]) == nil)
        #expect(AttachmentType.officePackage(entries: ["[Content_Types].xml", "setup.exe"]) == nil)
    }

    @Test func theStoredNameHasNoFoldersAndTheExtensionOfItsContent() {
        #expect(AttachmentName.clean("C:\\Users\\扫描\\办结报告.PDF", as: .pdf) == "办结报告.pdf")
        #expect(AttachmentName.clean("../../etc/passwd", as: .png) == "passwd.png")
        #expect(AttachmentName.clean("现场照片.jpg", as: .pdf) == "现场照片.pdf")
        #expect(AttachmentName.clean("a\"b<c>\u{7}.docx", as: .docx) == "abc.docx")
        #expect(AttachmentName.clean(nil, as: .jpeg) == "附件.jpg")
        #expect(AttachmentName.clean(".jpg", as: .jpeg) == "附件.jpg")
        #expect(AttachmentName.clean(String(repeating: "长", count: 200) + ".pdf", as: .pdf).count == 84)
    }

    @Test func aProblemsFileIsMostLikelyWhatItsStageProduces() {
        #expect(AttachmentPurpose.likely(on: .inProgress, fromHandler: true) == .progress)
        #expect(AttachmentPurpose.likely(on: .submitted, fromHandler: false) == .submission)
        #expect(AttachmentPurpose.likely(on: .resolved, fromHandler: true) == .resolution)
        #expect(AttachmentPurpose.likely(on: .closed, fromHandler: false) == .resolution)
    }

    @Test func eachRecordOffersItsOwnPurposes() {
        #expect(AttachmentPurpose.choices(for: .problem) == [.submission, .progress, .resolution])
        #expect(AttachmentPurpose.choices(for: .visit).first == .photo)
        #expect(AttachmentPurpose.choices(for: .meeting).contains(.attendance))
    }
}
