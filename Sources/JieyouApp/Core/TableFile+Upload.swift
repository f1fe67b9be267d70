import Foundation
import JieyouOffice

extension TableFile {
    /// Opens a sheet a person uploaded; a file that is not one is a 400 naming `file`, in Chinese.
    static func uploaded(_ url: URL) throws -> TableFile {
        do {
            return try TableFile(url: url)
        } catch let error as TableFileError {
            throw AppError.invalid("file", error.description)
        }
    }

    /// `forEachRow` for an uploaded sheet: a workbook that breaks while it is read is a 400 naming `file`.
    func forEachUploadedRow(_ body: (Int, [String]) throws -> Void) throws {
        do {
            try forEachRow(body)
        } catch let error as XlsxError {
            throw AppError.invalid("file", error.description)
        }
    }
}
