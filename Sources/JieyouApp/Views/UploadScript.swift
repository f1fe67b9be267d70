/// The only script of the site: upload progress for forms marked `data-upload`. Without it the form
/// posts normally and the result page arrives when the import is done; with it the person sees the
/// bytes going up and then that the server is checking the sheet.
enum UploadScript {
    static let js = """
        (function () {
          var form = document.querySelector('form[data-upload]');
          if (!form || !window.FormData || !window.XMLHttpRequest) return;
          var bar = form.querySelector('[data-progress]');
          var text = form.querySelector('[data-progress-text]');
          var button = form.querySelector('button[type=submit]');
          form.addEventListener('submit', function (event) {
            event.preventDefault();
            var xhr = new XMLHttpRequest();
            xhr.open('POST', form.action);
            bar.hidden = false;
            button.disabled = true;
            text.textContent = '正在上传…';
            xhr.upload.onprogress = function (e) {
              if (!e.lengthComputable) return;
              var percent = Math.round(e.loaded * 100 / e.total);
              bar.value = percent;
              text.textContent = percent < 100 ? '正在上传… ' + percent + '%' : '上传完成，正在逐行校验并导入，请稍候…';
            };
            xhr.onload = function () {
              document.open();
              document.write(xhr.responseText);
              document.close();
            };
            xhr.onerror = function () {
              button.disabled = false;
              bar.hidden = true;
              text.textContent = '网络错误，上传失败，请重试';
            };
            xhr.send(new FormData(form));
          });
        })();
        """
}
