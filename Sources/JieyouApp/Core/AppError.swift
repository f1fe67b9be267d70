import JieyouDomain
import Vapor

/// An error a client can act on: an HTTP status, a stable code, and a Chinese message for people.
/// The API renders it as `{"error": {"code", "message", "field"?}}`; web pages show the message.
struct AppError: AbortError, DebuggableError {
    let status: HTTPResponseStatus
    let code: String
    let message: String
    var field: String?
    var details: [FieldError] = []
    /// For a rejected sheet: the bad cells (at most the first 1,000) and how many there were in all.
    var sheetErrors: [SheetError] = []
    var sheetErrorCount = 0

    var reason: String { message }
    var identifier: String { code }

    static func validation(_ failure: ValidationFailure) -> AppError {
        AppError(
            status: .badRequest, code: "validation", message: failure.first.message, field: failure.first.field,
            details: failure.errors)
    }

    static func invalid(_ field: String, _ message: String) -> AppError {
        AppError(
            status: .badRequest, code: "validation", message: message, field: field,
            details: [FieldError(field: field, message: message)])
    }

    /// A sheet that was not imported, with every bad row and column.
    static func sheet(_ errors: [SheetError], count: Int) -> AppError {
        let first = errors.first?.description ?? ""
        return AppError(
            status: .unprocessableEntity, code: "importRejected",
            message: count > 1 ? "表格中有\(count)处错误，未导入任何数据。\(first)" : "未导入任何数据：\(first)",
            field: errors.first?.column, sheetErrors: errors, sheetErrorCount: count)
    }

    static func notFound(_ what: String) -> AppError {
        AppError(status: .notFound, code: "notFound", message: "\(what)不存在或无权查看")
    }

    static func forbidden(_ message: String = "无权进行此操作") -> AppError {
        AppError(status: .forbidden, code: "forbidden", message: message)
    }

    static let unauthenticated = AppError(status: .unauthorized, code: "unauthenticated", message: "请先登录")

    static func conflict(_ field: String?, _ message: String) -> AppError {
        AppError(status: .conflict, code: "conflict", message: message, field: field)
    }
}
