import Vapor

/// Static assets compiled into the binary, so the server needs no files beside it.
struct AssetsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("assets", "app.css", use: stylesheet)
        routes.get("assets", "upload.js", use: script)
    }

    @Sendable func stylesheet(req: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: Stylesheet.css))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return response
    }

    @Sendable func script(req: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: UploadScript.js))
        response.headers.contentType = HTTPMediaType(
            type: "text", subType: "javascript", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return response
    }
}
