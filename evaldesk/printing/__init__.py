"""Printing the official forms: Qt painting (QtGui + QtPrintSupport only, never widgets).

- ``summary.SummaryDocument``: the 预算项目绩效自评表 laid out in pages and painted page by page;
- ``paper.print_document(document, printer)``: paint onto a QPrinter / QPdfWriter / the preview;
- ``paper.page_layout(paper, landscape)``: A3/A4 page set-up with the form's margins;
- ``pdf.export_pdf(report, path, ...)``: the PDF for the finance bureau, headless;
- ``notice.print_warning(report)``: what the preview says when the report still has errors.

Modules are imported on use so that ``import evaldesk.printing`` loads no Qt.
"""
