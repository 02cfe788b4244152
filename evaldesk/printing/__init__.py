"""Printing the official forms: Qt painting (QtGui + QtPrintSupport only, never widgets).

- ``summary.SummaryDocument``: the 预算项目绩效自评表 laid out in pages and painted page by page;
- ``project_form.ProjectFormsDocument(report, uids, profile=...)``: the 项目支出绩效自评表 of
  some or all projects, one form after another, same API;
- ``paper.CombinedDocument``: documents printed as one (summary then forms), each on its own page
  set-up where the device allows it (PDF), numbered as one;
- ``paper.print_document(document, printer)``: paint onto a QPrinter / QPdfWriter / the preview;
- ``paper.page_layout(paper, landscape)``: A3/A4 page set-up with the form's margins;
- ``pdf.export_pdf(report, path, sheets=..., projects=..., profile=...)``: the PDF for the
  finance bureau, headless; ``pdf.printable(...)`` the same documents for a window;
- ``notice.print_warning(report)``: what the preview says when the report still has errors.

Modules are imported on use so that ``import evaldesk.printing`` loads no Qt.
"""
