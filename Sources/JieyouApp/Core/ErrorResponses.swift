import JieyouDomain
import Vapor

/// Turns every error into a response: JSON under `/api/`, a Chinese HTML page elsewhere. Errors a
/// client caused are 4xx with a message naming the field; anything else is logged and shown as a
/// generic 500 without internals.
struct ErrorResponseMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let error as RouteNotFound where request.url.path.hasPrefix("/api/") {
            let allowed = AllowedMethods.methods(for: request.url.path, in: request.application.routes)
            guard !allowed.isEmpty else { return Self.jsonResponse(for: Self.classify(error), requestID: request.id) }
            return Self.methodNotAllowed(allowed, requestID: request.id)
        } catch let error as MethodNotAllowed {
            return Self.methodNotAllowed(error.allowed, requestID: request.id)
        } catch {
            let appError = Self.classify(error)
            if appError.status == .internalServerError {
                request.logger.report(error: error)
            }
            if request.url.path.hasPrefix("/api/") {
                return Self.jsonResponse(for: appError, requestID: request.id)
            }
            if appError.status == .unauthorized {
                return request.redirect(to: WebPath.login(next: request.url.string))
            }
            return ErrorPage.response(for: appError, request: request)
        }
    }

    /// Maps any error to the client-facing one.
    static func classify(_ error: any Error) -> AppError {
        switch error {
        case let error as AppError:
            return error
        case let failure as ValidationFailure:
            return .validation(failure)
        case let error as FieldError:
            return .invalid(error.field, error.message)
        case let error as DecodingError:
            return decodingError(error)
        case is RouteNotFound:
            return AppError(status: .notFound, code: "notFound", message: "页面不存在")
        case let abort as any AbortError:
            return AppError(
                status: abort.status, code: "http\(abort.status.code)", message: chineseMessage(for: abort.status))
        default:
            return AppError(status: .internalServerError, code: "internal", message: "服务器内部错误，请稍后重试")
        }
    }

    private static func decodingError(_ error: DecodingError) -> AppError {
        func fieldName(_ path: [any CodingKey]) -> String? {
            let names = path.map { $0.intValue.map(String.init) ?? $0.stringValue }
            return names.isEmpty ? nil : names.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = fieldName(context.codingPath + [key]) ?? key.stringValue
            return .invalid(field, "缺少字段“\(field)”")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let field = fieldName(context.codingPath) ?? "body"
            return .invalid(field, "字段“\(field)”的格式不正确")
        case .dataCorrupted(let context):
            if let field = fieldName(context.codingPath) {
                return .invalid(field, "字段“\(field)”的值无效")
            }
            return .invalid("body", "请求内容不是有效的 JSON 或表单")
        @unknown default:
            return .invalid("body", "请求内容无法解析")
        }
    }

    static func chineseMessage(for status: HTTPResponseStatus) -> String {
        switch status.code {
        case 400: "请求无效"
        case 401: "请先登录"
        case 403: "无权进行此操作"
        case 404: "页面不存在"
        case 405: "不支持此请求方法"
        case 413: "上传内容过大"
        case 415: "不支持的内容类型"
        case 422: "请求内容无法处理"
        case 429: "请求过于频繁，请稍后再试"
        default: status.code >= 500 ? "服务器内部错误，请稍后重试" : "请求无法完成"
        }
    }

    struct Envelope: Content {
        struct Body: Content {
            let code: String
            let message: String
            let field: String?
            let details: [Detail]?
            let row: Int?
            let column: String?
            /// Every bad cell of a rejected sheet (the first 1,000) and how many there were.
            let rows: [SheetError]?
            let errorCount: Int?
            /// The request's id, as in the server's log lines and the `X-Request-Id` header: what an
            /// integrator quotes when reporting a failure.
            let requestId: String?
        }
        struct Detail: Content {
            let field: String
            let message: String
        }
        let error: Body
    }

    /// 405 with the methods the path answers in `Allow`.
    private static func methodNotAllowed(_ allowed: [HTTPMethod], requestID: String) -> Response {
        let response = jsonResponse(
            for: AppError(status: .methodNotAllowed, code: "methodNotAllowed", message: "该地址不支持此请求方法"),
            requestID: requestID)
        response.headers.replaceOrAdd(name: .allow, value: allowed.map(\.rawValue).joined(separator: ", "))
        return response
    }

    static func jsonResponse(for error: AppError, requestID: String? = nil) -> Response {
        let details =
            error.details.count > 1 ? error.details.map { Envelope.Detail(field: $0.field, message: $0.message) } : nil
        let sheet = error.sheetErrors
        let envelope = Envelope(
            error: .init(
                code: error.code, message: error.message, field: sheet.isEmpty ? error.field : nil, details: details,
                row: sheet.first?.row, column: sheet.first?.column, rows: sheet.isEmpty ? nil : sheet,
                errorCount: sheet.isEmpty ? nil : error.sheetErrorCount, requestId: requestID))
        let response = Response(status: error.status)
        do {
            try response.content.encode(envelope, as: .json)
        } catch {
            response.body = .init(string: #"{"error":{"code":"internal","message":"服务器内部错误"}}"#)
        }
        return response
    }
}
