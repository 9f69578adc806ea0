// For browsers without ES modules (Internet Explorer, the "compatibility mode" of dual-engine
// browsers): says in plain words what to do instead of showing a blank page. ES5 on purpose.
(function () {
  function show() {
    var main = document.getElementsByTagName('main')[0] || document.body;
    main.innerHTML = '';
    var box = document.createElement('section');
    box.className = 'card';
    box.innerHTML = '<h1>\u8bf7\u6362\u7528\u65b0\u7248\u6d4f\u89c8\u5668</h1>' +
      '<p>\u8fd9\u4e2a\u6d4f\u89c8\u5668\u592a\u65e7\uff0c\u65e0\u6cd5\u586b\u62a5\u3002</p>' +
      '<p>\u8bf7\u7528 Edge\u3001Chrome\u3001\u706b\u72d0\u6216\u624b\u673a\u6d4f\u89c8\u5668\u6253\u5f00\u672c\u7f51\u5740\u3002' +
      '\u4f7f\u7528 360\u3001QQ \u7b49\u6d4f\u89c8\u5668\u65f6\uff0c\u8bf7\u70b9\u5730\u5740\u680f\u53f3\u4fa7\u7684\u56fe\u6807\uff0c\u5207\u6362\u5230\u201c\u6781\u901f\u6a21\u5f0f\u201d\u3002</p>';
    main.appendChild(box);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
  else show();
})();
