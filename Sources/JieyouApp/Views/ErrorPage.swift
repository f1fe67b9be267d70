import Vapor

/// The Chinese error page for web requests.
enum ErrorPage {
    static func response(for error: AppError, request: Request) -> Response {
        let title =
            switch error.status.code {
            case 403: "无权访问"
            case 404: "找不到页面"
            case 400..<500: "请求有误"
            default: "系统出错了"
            }
        let content: HTML = """
            <section class="error-page">
            <h1>\(title)</h1>
            <p>\(error.message)</p>
            <p><a href="\(WebPath.home)">返回首页</a></p>
            </section>
            """
        let layout = Layout(title: title, signedIn: request.signedIn, orgPath: nil, currentPath: request.url.path)
        return layout.render(content).response(status: error.status)
    }
}
