<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <source>编辑表头信息</source>
        <translation>Edit report line</translation>
    </message>
    <message>
        <source>删除 %n 行</source>
        <translation>Delete %n row(s)</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>粘贴</source>
        <translation>Paste</translation>
    </message>
    <message>
        <source>添加行</source>
        <translation>Add rows</translation>
    </message>
    <message>
        <source>剪贴板</source>
        <translation>clipboard</translation>
    </message>
    <message>
        <source>无法识别粘贴的表格：</source>
        <translation>Cannot read the pasted table: </translation>
    </message>
    <message>
        <source>粘贴的表格中没有项目</source>
        <translation>The pasted table has no projects</translation>
    </message>
    <message>
        <source>粘贴表格</source>
        <translation>Paste table</translation>
    </message>
    <message>
        <source>清除内容</source>
        <translation>Clear contents</translation>
    </message>
    <message>
        <source>向下填充</source>
        <translation>Fill down</translation>
    </message>
    <message>
        <source>替换</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>全部替换</source>
        <translation>Replace all</translation>
    </message>
    <message>
        <source>插入行</source>
        <translation>Insert row</translation>
    </message>
    <message>
        <source>复制行</source>
        <translation>Duplicate rows</translation>
    </message>
    <message>
        <source>本年无此项目</source>
        <translation>Not in this year</translation>
    </message>
    <message>
        <source>上年无此项目</source>
        <translation>Not in last year</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>部门名称</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>项目名称</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>上年预算</source>
        <translation>Last year budget</translation>
    </message>
    <message>
        <source>本年预算</source>
        <translation>This year budget</translation>
    </message>
    <message>
        <source>预算增减</source>
        <translation>Budget change</translation>
    </message>
    <message>
        <source>预算增减幅度</source>
        <translation>Budget change %</translation>
    </message>
    <message>
        <source>上年实际支出</source>
        <translation>Last year spending</translation>
    </message>
    <message>
        <source>本年实际支出</source>
        <translation>This year spending</translation>
    </message>
    <message>
        <source>支出增减</source>
        <translation>Spending change</translation>
    </message>
    <message>
        <source>支出增减幅度</source>
        <translation>Spending change %</translation>
    </message>
    <message>
        <source>上年执行率</source>
        <translation>Last year execution rate</translation>
    </message>
    <message>
        <source>本年执行率</source>
        <translation>This year execution rate</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>上年金额为 0 或空，无法计算增减幅度</source>
        <translation>Last year&apos;s amount is 0 or empty, so the percentage change cannot be calculated</translation>
    </message>
    <message>
        <source>与上年对比</source>
        <translation>Compare with Last Year</translation>
    </message>
    <message>
        <source>选择上年文件…</source>
        <translation>Choose Last Year&apos;s File…</translation>
    </message>
    <message>
        <source>上年数据来自「%1」：%2 个项目对上，本年新增 %3 个，上年有而本年无 %4 个</source>
        <translation>Last year&apos;s data from “%1”: %2 projects matched, %3 new this year, %4 only in last year</translation>
    </message>
    <message>
        <source>上年（%1 年）数据来自从上年文件新建时保留的数字</source>
        <translation>Last year&apos;s (%1) data are the figures kept when this table was created from last year&apos;s file</translation>
    </message>
    <message>
        <source>本表没有上年数据：请选择上年的自评表进行对比（按部门名称和项目名称对应）</source>
        <translation>This table has no data for last year: choose last year&apos;s self-evaluation table to compare (matched by department and project name)</translation>
    </message>
    <message>
        <source>预算</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>实际支出</source>
        <translation>Actual spending</translation>
    </message>
    <message>
        <source>%1：本年尚未填写</source>
        <translation>%1: not yet filled in for this year</translation>
    </message>
    <message>
        <source>%1 %2 → %3 万元（%4，%5；%6 个项目）</source>
        <translation>%1 %2 → %3 (10k CNY) (%4, %5; %6 projects)</translation>
    </message>
    <message>
        <source>两年都有的数字合计：</source>
        <translation>Totals of figures present in both years:</translation>
    </message>
    <message>
        <source>选择上年的自评表</source>
        <translation>Choose Last Year&apos;s Self-Evaluation Table</translation>
    </message>
    <message>
        <source>已载入上年数据：%1</source>
        <translation>Loaded last year&apos;s data: %1</translation>
    </message>
    <message>
        <source>程序出错</source>
        <translation>Unexpected Error</translation>
    </message>
    <message>
        <source>evaldesk 遇到了一个意外错误。您的表格仍然打开，出错前的所有修改都已记录；可以继续工作，建议先保存（或另存为一份）。
如果问题反复出现，请点“复制”，把下面的报告发给技术支持。</source>
        <translation>evaldesk ran into an unexpected error. Your table is still open and every change made before the error has been recorded; you can keep working, but it is best to save first (or save a copy).
If the problem keeps happening, click “Copy” and send the report below to technical support.</translation>
    </message>
    <message>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>指标性质：≥ 正向，≤ 反向，= 等于，定性</source>
        <translation>Indicator type: ≥ positive, ≤ negative, = equal, qualitative</translation>
    </message>
    <message>
        <source>手工填写的得分（覆盖计算值 %1）；清空后按评分方案计算</source>
        <translation>Score entered by hand (overrides the calculated %1); clear it to score by the scoring scheme</translation>
    </message>
    <message>
        <source>无法计算</source>
        <translation>Cannot calculate</translation>
    </message>
    <message>
        <source>按「%1」计算</source>
        <translation>Calculated by “%1”</translation>
    </message>
    <message>
        <source>含不适用指标转入的分值后为 %1</source>
        <translation>%1 including points carried over from not-applicable indicators</translation>
    </message>
    <message>
        <source>未填写，按年度指标值推断</source>
        <translation>Not filled in; inferred from the annual target</translation>
    </message>
    <message>
        <source>编辑指标「%1」</source>
        <translation>Edit Indicator “%1”</translation>
    </message>
    <message>
        <source>添加指标</source>
        <translation>Add Indicator</translation>
    </message>
    <message>
        <source>删除 %n 个指标</source>
        <translation>Delete %n indicator(s)</translation>
    </message>
    <message>
        <source>上移指标</source>
        <translation>Move Indicator Up</translation>
    </message>
    <message>
        <source>下移指标</source>
        <translation>Move Indicator Down</translation>
    </message>
    <message>
        <source>第 %1 个指标</source>
        <translation>Indicator %1</translation>
    </message>
    <message>
        <source>合并结果</source>
        <translation>Merge Result</translation>
    </message>
    <message>
        <source>已合并 %1 个文件：%2 个部门、%3 个项目。预算合计 %4 万元，实际支出合计 %5 万元，执行率 %6。</source>
        <translation>Merged %1 files: %2 departments, %3 projects. Total budget %4 (10k CNY), total spending %5 (10k CNY), execution rate %6.</translation>
    </message>
    <message>
        <source>%n 个文件无法读取，没有合并</source>
        <translation>%n file(s) could not be read and were not merged</translation>
    </message>
    <message>
        <source>%n 个项目在多个文件中重复出现，都已合并，请核对</source>
        <translation>%n project(s) appear in more than one file; all copies were merged, please check</translation>
    </message>
    <message>
        <source>文件的年度不一致（%1）</source>
        <translation>The files are for different years (%1)</translation>
    </message>
    <message>
        <source>（未填部门）</source>
        <translation>(no department)</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>项目数</source>
        <translation>Projects</translation>
    </message>
    <message>
        <source>预算合计（万元）</source>
        <translation>Total budget (10k CNY)</translation>
    </message>
    <message>
        <source>实际支出合计（万元）</source>
        <translation>Total spending (10k CNY)</translation>
    </message>
    <message>
        <source>执行率</source>
        <translation>Execution rate</translation>
    </message>
    <message>
        <source>各部门合计</source>
        <translation>Totals by department</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>无法读取的文件（%n）</source>
        <translation>Unreadable files (%n)</translation>
    </message>
    <message>
        <source>出现在</source>
        <translation>Found in</translation>
    </message>
    <message>
        <source>重复的项目（%n）</source>
        <translation>Duplicate projects (%n)</translation>
    </message>
    <message>
        <source>如：龙岗区财政局</source>
        <translation>e.g. Longgang District Finance Bureau</translation>
    </message>
    <message>
        <source>汇总表的部门名称(盖章)：</source>
        <translation>Department on the summary (seal):</translation>
    </message>
    <message>
        <source>保存汇总表…</source>
        <translation>Save Summary…</translation>
    </message>
    <message>
        <source>在窗口中打开</source>
        <translation>Open in Window</translation>
    </message>
    <message>
        <source>合并多个部门的表(&amp;M)…</source>
        <translation>&amp;Merge Department Tables…</translation>
    </message>
    <message>
        <source>把多个部门的自评表合并为一张汇总表，按部门小计</source>
        <translation>Merge several departments&apos; self-evaluation tables into one summary with subtotals by department</translation>
    </message>
    <message>
        <source>选择要合并的自评表（可多选）</source>
        <translation>Choose the Self-Evaluation Tables to Merge (select several)</translation>
    </message>
    <message>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>合并</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>正在读取第 %1/%2 个文件：%3</source>
        <translation>Reading file %1/%2: %3</translation>
    </message>
    <message>
        <source>正在合并…</source>
        <translation>Merging…</translation>
    </message>
    <message>
        <source>合并已取消</source>
        <translation>Merge cancelled</translation>
    </message>
    <message>
        <source>汇总表尚未保存；用「保存汇总表」可写入带部门小计的工作簿</source>
        <translation>The summary is not saved yet; use “Save Summary” to write a workbook with department subtotals</translation>
    </message>
    <message>
        <source>保存汇总表</source>
        <translation>Save Summary</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>无法保存汇总表：%1</source>
        <translation>Cannot save the summary: %1</translation>
    </message>
    <message>
        <source>已保存汇总表 %1</source>
        <translation>Saved summary %1</translation>
    </message>
    <message>
        <source>确认沿用上年预算（%n 个项目）</source>
        <translation>Keep Last Year&apos;s Budget (%n project(s))</translation>
    </message>
    <message>
        <source>新的年度</source>
        <translation>New Year</translation>
    </message>
    <message>
        <source>上年文件中没有写明年度。请输入新表的年度：</source>
        <translation>Last year&apos;s file does not state its year. Enter the year for the new table:</translation>
    </message>
    <message>
        <source>从上年文件新建(&amp;Y)…</source>
        <translation>New from &amp;Last Year&apos;s File…</translation>
    </message>
    <message>
        <source>打开上年的自评表，生成本年度的新表：保留项目、目标和指标，清空实际支出与完成情况</source>
        <translation>Open last year&apos;s self-evaluation table and create this year&apos;s table from it: projects, goals and indicators are kept; actual spending and results are cleared</translation>
    </message>
    <message>
        <source>确认沿用上年预算</source>
        <translation>Keep Last Year&apos;s Budget</translation>
    </message>
    <message>
        <source>所选项目的预算金额与上年相同：保留金额，取消「仍为上年数据」标记</source>
        <translation>The selected projects have the same budget as last year: keep the amounts and clear the “still last year&apos;s data” mark</translation>
    </message>
    <message>
        <source>只显示仍为上年数据的项目</source>
        <translation>Show Only Projects with Last Year&apos;s Data</translation>
    </message>
    <message>
        <source>已从「%1」生成 %2 年度的新表（%3 个项目）：实际支出、完成情况、问题和整改已清空；%4 个项目的预算金额仍为上年数据（灰色斜体），请逐项修改或确认沿用</source>
        <translation>Created the %2 table from “%1” (%3 projects): actual spending, results, problems and corrective actions were cleared; %4 projects still have last year&apos;s budget amounts (grey italics); update each one or confirm keeping it</translation>
    </message>
    <message>
        <source>已确认 %n 个项目沿用上年预算</source>
        <translation>Kept last year&apos;s budget for %n project(s)</translation>
    </message>
    <message>
        <source>所选的行没有仍为上年数据的预算金额</source>
        <translation>The selected rows have no budget amounts still from last year</translation>
    </message>
    <message>
        <source>只显示仍为上年数据的项目：%n 个</source>
        <translation>Showing only projects with last year&apos;s data: %n</translation>
    </message>
    <message>
        <source>没有仍为上年数据的项目</source>
        <translation>No projects still have last year&apos;s data</translation>
    </message>
    <message>
        <source>已核对</source>
        <translation>Checked</translation>
    </message>
    <message>
        <source>已核对导入提示</source>
        <translation>Import notes checked</translation>
    </message>
    <message>
        <source>确认沿用上年数据</source>
        <translation>Keep last year&apos;s data</translation>
    </message>
    <message>
        <source>一键修正：%1</source>
        <translation>Fix: %1</translation>
    </message>
    <message>
        <source>修正全部同类问题（%n 处）</source>
        <translation>Fix all problems of this kind (%n)</translation>
    </message>
    <message>
        <source>无法写入恢复记录（%1）：程序意外退出时可能丢失修改，请尽快保存。</source>
        <translation>Cannot write the recovery record (%1): changes may be lost if the program exits unexpectedly. Please save soon.</translation>
    </message>
    <message>
        <source>未命名的自评表</source>
        <translation>Untitled self-evaluation table</translation>
    </message>
    <message>
        <source>%1 — %2 开始编辑 — %3 处未保存的修改</source>
        <translation>%1 — editing since %2 — %3 unsaved changes</translation>
    </message>
    <message>
        <source>恢复未保存的修改</source>
        <translation>Recover Unsaved Changes</translation>
    </message>
    <message>
        <source>evaldesk 上次没有正常关闭（程序出错、断电或被强行结束）。以下自评表有未保存的修改，所有修改都已记录，可以恢复。
恢复后请检查并保存。</source>
        <translation>evaldesk did not close normally last time (a program error, power failure or forced exit). The self-evaluation tables below have unsaved changes; all of them were recorded and can be recovered.
After recovering, please check and save.</translation>
    </message>
    <message>
        <source>尚未保存过的新表</source>
        <translation>New table, never saved</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Recover</translation>
    </message>
    <message>
        <source>放弃</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>无法恢复</source>
        <translation>Cannot Recover</translation>
    </message>
    <message>
        <source>恢复记录已损坏，无法恢复：%1</source>
        <translation>The recovery record is damaged and cannot be recovered: %1</translation>
    </message>
    <message>
        <source>已恢复 %1 处未保存的修改，请检查后保存</source>
        <translation>Recovered %1 unsaved changes; please check and save</translation>
    </message>
    <message>
        <source>（计算机 %1，进程 %2）</source>
        <translation> (computer %1, process %2)</translation>
    </message>
    <message>
        <source>文件已被打开</source>
        <translation>File Already Open</translation>
    </message>
    <message>
        <source>「%1」已在另一个 evaldesk 窗口中打开%2。

可以只读打开：能查看和打印，不能保存到原文件，可以“另存为”。</source>
        <translation>“%1” is already open in another evaldesk window%2.

You can open it read-only: you can view and print it, but not save to the original file; use “Save As” instead.</translation>
    </message>
    <message>
        <source>打开只读</source>
        <translation>Open Read-Only</translation>
    </message>
    <message>
        <source>只读文件</source>
        <translation>Read-Only File</translation>
    </message>
    <message>
        <source>「%1」是以只读方式打开的，不能保存到原文件。请用“另存为”保存到另一个文件。</source>
        <translation>“%1” was opened read-only and cannot be saved to the original file. Use “Save As” to save to another file.</translation>
    </message>
    <message>
        <source>「%1」正在另一个 evaldesk 窗口中打开%2，不能覆盖它。请换一个文件名保存。</source>
        <translation>“%1” is open in another evaldesk window%2 and cannot be overwritten. Please save under a different name.</translation>
    </message>
    <message>
        <source>无法保存文件</source>
        <translation>Cannot save the file</translation>
    </message>
    <message>
        <source>您的修改仍在窗口中，没有丢失；可以处理上述问题后再保存，或“另存为”保存到其他位置。</source>
        <translation>Your changes are still in the window and have not been lost; fix the problem above and save again, or use “Save As” to save elsewhere.</translation>
    </message>
    <message>
        <source>另存为…</source>
        <translation>Save As…</translation>
    </message>
    <message>
        <source>预算项目绩效自评表</source>
        <translation>Budget Project Performance Self-Evaluation</translation>
    </message>
    <message>
        <source>每年最常见的做法：打开上年的表，生成本年度的新表，再逐项修改金额和完成情况。</source>
        <translation>The usual way each year: open last year&apos;s table, create this year&apos;s table from it, then update the amounts and results project by project.</translation>
    </message>
    <message>
        <source>从上年文件新建…</source>
        <translation>New from Last Year&apos;s File…</translation>
    </message>
    <message>
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>新建空白表</source>
        <translation>New Blank Table</translation>
    </message>
    <message>
        <source>打开示例</source>
        <translation>Open Example</translation>
    </message>
    <message>
        <source>最近打开的文件</source>
        <translation>Recent Files</translation>
    </message>
    <message>
        <source>（还没有打开过文件）</source>
        <translation>(no files opened yet)</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>从执行数据导入：预览</source>
        <translation>Import from Spending Data: Preview</translation>
    </message>
    <message>
        <source>金额单位：%1</source>
        <translation>Amount unit: %1</translation>
    </message>
    <message>
        <source>文件未注明金额单位，按「元」换算；如不对，请取消后在文件中注明单位</source>
        <translation>The file does not state its amount unit, so yuan was assumed and converted; if that is wrong, cancel and state the unit in the file</translation>
    </message>
    <message>
        <source>（已精确换算为万元）</source>
        <translation> (converted exactly to 10k CNY)</translation>
    </message>
    <message>
        <source>「%1」：%2 个项目的数据，其中 %3 个与本表项目对应，%4 个名称相近待确认。%5</source>
        <translation>“%1”: data for %2 projects; %3 match projects in this table, %4 have similar names to confirm. %5</translation>
    </message>
    <message>
        <source>项目 / 字段</source>
        <translation>Project / field</translation>
    </message>
    <message>
        <source>原值</source>
        <translation>Old value</translation>
    </message>
    <message>
        <source>新值</source>
        <translation>New value</translation>
    </message>
    <message>
        <source>依据</source>
        <translation>Matched by</translation>
    </message>
    <message>
        <source>导出表中有、本表中找不到的项目（未导入）</source>
        <translation>Projects in the export but not in this table (not imported)</translation>
    </message>
    <message>
        <source>名称在本表中出现多次、无法确定的（未导入）</source>
        <translation>Names that occur more than once in this table, so ambiguous (not imported)</translation>
    </message>
    <message>
        <source>本表中有、导出表中没有的项目（未改动）</source>
        <translation>Projects in this table but not in the export (unchanged)</translation>
    </message>
    <message>
        <source>未读取的行</source>
        <translation>Rows not read</translation>
    </message>
    <message>
        <source>应用</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>项目编码相同</source>
        <translation>Same project code</translation>
    </message>
    <message>
        <source>项目名称相同</source>
        <translation>Same project name</translation>
    </message>
    <message>
        <source>名称相近（%1%）：导出表为「%2」，请勾选确认</source>
        <translation>Similar name (%1%): the export says “%2”; tick to confirm</translation>
    </message>
    <message>
        <source>名称相近，请确认</source>
        <translation>Similar name, please confirm</translation>
    </message>
    <message>
        <source>数字相同，无需改动</source>
        <translation>Same figures, nothing to change</translation>
    </message>
    <message>
        <source>%1（上年数）</source>
        <translation>%1 (last year&apos;s figure)</translation>
    </message>
    <message>
        <source>从执行数据导入（%n 个项目）</source>
        <translation>Import from spending data (%n projects)</translation>
    </message>
    <message>
        <source>从执行数据导入(&amp;I)…</source>
        <translation>&amp;Import from Spending Data…</translation>
    </message>
    <message>
        <source>从预算管理一体化系统或财务软件导出的执行数据（.xlsx/.xls/.csv）填入预算数和支出数，先预览再应用</source>
        <translation>Fill in budgets and spending from data exported by the integrated budget system or accounting software (.xlsx/.xls/.csv); preview first, then apply</translation>
    </message>
    <message>
        <source>选择执行数据导出文件</source>
        <translation>Choose the Exported Spending Data</translation>
    </message>
    <message>
        <source>执行数据 (*.xlsx *.xls *.xlsm *.ods *.csv *.txt *.htm *.html);;所有文件 (*)</source>
        <translation>Spending data (*.xlsx *.xls *.xlsm *.ods *.csv *.txt *.htm *.html);;All files (*)</translation>
    </message>
    <message>
        <source>无法导入执行数据</source>
        <translation>Cannot import the spending data</translation>
    </message>
    <message>
        <source>已从「%1」导入 %n 个项目的预算数和支出数（可撤销）</source>
        <translation>Imported budgets and spending of %n projects from “%1” (can be undone)</translation>
    </message>
    <message>
        <source>一般公共预算（本年财政拨款）</source>
        <translation>General public budget (this year&apos;s appropriation)</translation>
    </message>
    <message>
        <source>政府性基金</source>
        <translation>Government funds</translation>
    </message>
    <message>
        <source>非财政资金（其他资金）</source>
        <translation>Non-fiscal funds (other)</translation>
    </message>
    <message>
        <source>上年结转资金</source>
        <translation>Carried over from last year</translation>
    </message>
    <message>
        <source>年初预算数</source>
        <translation>Initial budget</translation>
    </message>
    <message>
        <source>全年预算数</source>
        <translation>Full-year budget</translation>
    </message>
    <message>
        <source>全年执行数</source>
        <translation>Full-year actual</translation>
    </message>
    <message>
        <source>项目编码</source>
        <translation>Project code</translation>
    </message>
    <message>
        <source>主管部门</source>
        <translation>Supervising department</translation>
    </message>
    <message>
        <source>实施单位</source>
        <translation>Implementing unit</translation>
    </message>
    <message>
        <source>年初绩效目标</source>
        <translation>Performance goals (start of year)</translation>
    </message>
    <message>
        <source>实际完成情况</source>
        <translation>Actual completion</translation>
    </message>
    <message>
        <source>项目执行中存在的问题</source>
        <translation>Problems in implementation</translation>
    </message>
    <message>
        <source>整改情况</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <source>评价结论</source>
        <translation>Evaluation conclusion</translation>
    </message>
    <message>
        <source>项目负责人</source>
        <translation>Project lead</translation>
    </message>
    <message>
        <source>财务负责人</source>
        <translation>Finance lead</translation>
    </message>
    <message>
        <source>财政拨款</source>
        <translation>Fiscal appropriation</translation>
    </message>
    <message>
        <source>其中：财政拨款</source>
        <translation>of which: fiscal appropriation</translation>
    </message>
    <message>
        <source>项目表单</source>
        <translation>Project form</translation>
    </message>
    <message>
        <source>在独立窗口中打开项目表单</source>
        <translation>Open the project form in its own window</translation>
    </message>
    <message>
        <source>识别的表头</source>
        <translation>Headings recognised</translation>
    </message>
    <message>
        <source>换算的数值</source>
        <translation>Values converted</translation>
    </message>
    <message>
        <source>按不适用读入</source>
        <translation>Read as not applicable</translation>
    </message>
    <message>
        <source>未能归位（未导入，请核对）</source>
        <translation>Not placed (not imported, please check)</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>编辑「%1」</source>
        <translation>Edit “%1”</translation>
    </message>
</context>
<context>
    <name>FindDialog</name>
    <message>
        <source>查找和替换</source>
        <translation>Find and replace</translation>
    </message>
    <message>
        <source>向上查找</source>
        <translation>Search upwards</translation>
    </message>
    <message>
        <source>查找下一个</source>
        <translation>Find next</translation>
    </message>
    <message>
        <source>替换</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>全部替换</source>
        <translation>Replace all</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>替换为：</source>
        <translation>Replace with:</translation>
    </message>
    <message>
        <source>查找内容：</source>
        <translation>Find what:</translation>
    </message>
    <message>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>找不到「%1」</source>
        <translation>“%1” not found</translation>
    </message>
    <message>
        <source>已替换 %n 处</source>
        <translation>Replaced %n occurrence(s)</translation>
    </message>
</context>
<context>
    <name>HeaderForm</name>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>部门名称(盖章)</source>
        <translation>Department (seal)</translation>
    </message>
    <message>
        <source>单位负责人</source>
        <translation>Head of unit</translation>
    </message>
    <message>
        <source>填表人</source>
        <translation>Prepared by</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>填报日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>%1：</source>
        <translation>%1:</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <source>读入情况 - %1</source>
        <translation>How the file was read - %1</translation>
    </message>
    <message>
        <source>此文件不是本软件保存的格式，已按表中文字读入。请先核对下列对应关系，再看检查结果。</source>
        <translation>This file was not saved by evaldesk and was read by the words in its cells. Check how it was read below before relying on the checks.</translation>
    </message>
    <message>
        <source>识别为：%1</source>
        <translation>Recognised as: %1</translation>
    </message>
    <message>
        <source>&#x3000;工作表：%1</source>
        <translation>  Sheet: %1</translation>
    </message>
    <message>
        <source>单元格</source>
        <translation>Cell</translation>
    </message>
    <message>
        <source>表中文字</source>
        <translation>Text in the file</translation>
    </message>
    <message>
        <source>读作</source>
        <translation>Read as</translation>
    </message>
    <message>
        <source>打开其他格式的表格时显示此窗口</source>
        <translation>Show this window when opening tables in other layouts</translation>
    </message>
</context>
<context>
    <name>IndicatorDetail</name>
    <message>
        <source>≥ 正向（达到或超过）、≤ 反向（不超过）、= 等于、定性；也可输入 &gt;=、＞＝、﹦ 等写法</source>
        <translation>≥ positive (meet or exceed), ≤ negative (do not exceed), = equal, qualitative; forms such as &gt;=, ＞＝, ﹦ are also accepted</translation>
    </message>
    <message>
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>得分低于分值、或完成值远超指标值时须说明原因</source>
        <translation>A reason is required when the score is below the points or the actual value far exceeds the target</translation>
    </message>
    <message>
        <source>一级</source>
        <translation>Level 1</translation>
    </message>
    <message>
        <source>二级</source>
        <translation>Level 2</translation>
    </message>
    <message>
        <source>三级指标</source>
        <translation>Level 3 indicator</translation>
    </message>
    <message>
        <source>性质</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>指标值</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>完成值</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>分值</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>偏差原因</source>
        <translation>Reason for deviation</translation>
    </message>
    <message>
        <source>计算 %1</source>
        <translation>Calculated %1</translation>
    </message>
    <message>
        <source>请填写年度指标值</source>
        <translation>Enter the annual target</translation>
    </message>
    <message>
        <source>自动计算</source>
        <translation>Automatic</translation>
    </message>
</context>
<context>
    <name>IndicatorEditor</name>
    <message>
        <source>新指标的一级、二级指标</source>
        <translation>Level 1 and level 2 for new indicators</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>新建(&amp;N)</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <source>新建一张空白自评表</source>
        <translation>Start a blank self-evaluation table</translation>
    </message>
    <message>
        <source>打开(&amp;O)…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>打开 Excel 工作簿或文本表格</source>
        <translation>Open an Excel workbook or a text table</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>另存为(&amp;A)…</source>
        <translation>Save &amp;As…</translation>
    </message>
    <message>
        <source>打印预览(&amp;V)…</source>
        <translation>Print Pre&amp;view…</translation>
    </message>
    <message>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>导出 PDF(&amp;E)…</source>
        <translation>&amp;Export PDF…</translation>
    </message>
    <message>
        <source>当前项目(&amp;C)…</source>
        <translation>&amp;Current Project…</translation>
    </message>
    <message>
        <source>所选项目(&amp;S)…</source>
        <translation>&amp;Selected Projects…</translation>
    </message>
    <message>
        <source>全部项目(&amp;A)…</source>
        <translation>&amp;All Projects…</translation>
    </message>
    <message>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>读入情况(&amp;I)…</source>
        <translation>How the file was read(&amp;I)…</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>剪切(&amp;T)</source>
        <translation>Cu&amp;t</translation>
    </message>
    <message>
        <source>复制(&amp;C)</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>粘贴(&amp;P)</source>
        <translation>&amp;Paste</translation>
    </message>
    <message>
        <source>清除内容</source>
        <translation>Clear contents</translation>
    </message>
    <message>
        <source>向下填充(&amp;D)</source>
        <translation>Fill &amp;Down</translation>
    </message>
    <message>
        <source>查找(&amp;F)…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <source>替换(&amp;R)…</source>
        <translation>&amp;Replace…</translation>
    </message>
    <message>
        <source>自动计算合计、财政拨款与执行率</source>
        <translation>Compute totals, fiscal funds and execution rate automatically</translation>
    </message>
    <message>
        <source>在上方插入行</source>
        <translation>Insert row above</translation>
    </message>
    <message>
        <source>在下方插入行</source>
        <translation>Insert row below</translation>
    </message>
    <message>
        <source>删除行</source>
        <translation>Delete rows</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>复制行</source>
        <translation>Duplicate rows</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>最近打开的文件(&amp;R)</source>
        <translation>&amp;Recent files</translation>
    </message>
    <message>
        <source>打印项目表(&amp;J)</source>
        <translation>Print Pro&amp;ject Forms</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>行(&amp;R)</source>
        <translation>&amp;Rows</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>问题面板</source>
        <translation>Problems panel</translation>
    </message>
    <message>
        <source>语言 / Language</source>
        <translation>Language / 语言</translation>
    </message>
    <message>
        <source>切换界面语言（重新启动后生效） / Switch the language (after a restart)</source>
        <translation>Switch the language (takes effect after a restart)</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>关于 evaldesk</source>
        <translation>About evaldesk</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>项目 %1 个  预算合计 %2 万元  实际支出 %3 万元  执行率 %4</source>
        <translation>%1 projects  Budget %2 (10k CNY)  Spent %3  Rate %4</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b3261e&apos;&gt;错误 %1&lt;/span&gt;  &lt;span style=&apos;color:#8a5a00&apos;&gt;警告 %2&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b3261e&apos;&gt;Errors %1&lt;/span&gt;  &lt;span style=&apos;color:#8a5a00&apos;&gt;Warnings %2&lt;/span&gt;</translation>
    </message>
    <message>
        <source>未命名</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <source>（只读）</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <source>预算项目绩效自评</source>
        <translation>Budget project self-evaluation</translation>
    </message>
    <message>
        <source>保存修改</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>「%1」已修改，是否保存？</source>
        <translation>“%1” has been modified. Save it?</translation>
    </message>
    <message>
        <source>已新建空白自评表</source>
        <translation>New blank table</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>自评表 (*.xlsx *.xlsm *.xls *.ods *.txt *.tsv *.csv *.htm *.html);;所有文件 (*)</source>
        <translation>Self-evaluation tables (*.xlsx *.xlsm *.xls *.ods *.txt *.tsv *.csv *.htm *.html);;All files (*)</translation>
    </message>
    <message>
        <source>正在处理上一个文件，请稍候</source>
        <translation>Still working on the previous file, please wait</translation>
    </message>
    <message>
        <source>正在打开 %1 …</source>
        <translation>Opening %1 …</translation>
    </message>
    <message>
        <source>无法打开文件</source>
        <translation>Cannot open the file</translation>
    </message>
    <message>
        <source>已按上次为这种表头指定的列读取 %1</source>
        <translation>Read %1 using the columns chosen last time for this header</translation>
    </message>
    <message>
        <source>已打开 %1（%2 个项目）</source>
        <translation>Opened %1 (%2 projects)</translation>
    </message>
    <message>
        <source>；按表样采用评分方案「%1」（依据：%2），可在项目表单上方更改</source>
        <translation>; scored under the scheme &quot;%1&quot;, as the form&apos;s layout suggests (%2); change it above the project form</translation>
    </message>
    <message>
        <source>（已另选）</source>
        <translation> (chosen instead)</translation>
    </message>
    <message>
        <source>（按表样识别：%1）</source>
        <translation> (from the form&apos;s layout: %1)</translation>
    </message>
    <message>
        <source>（从表样看不出省份，按财政部的规则）</source>
        <translation> (the layout shows no province: the Ministry of Finance rules)</translation>
    </message>
    <message>
        <source>评分方案：%1%2；可在项目表单上方的「评分方案」中更改</source>
        <translation>Scoring scheme: %1%2; change it under &quot;Scoring scheme&quot; above the project form</translation>
    </message>
    <message>
        <source>自评表</source>
        <translation>Self-evaluation</translation>
    </message>
    <message>
        <source>另存为</source>
        <translation>Save As</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>正在保存 %1 …</source>
        <translation>Saving %1 …</translation>
    </message>
    <message>
        <source>已保存 %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>打印功能尚未安装</source>
        <translation>Printing is not available</translation>
    </message>
    <message>
        <source>打印预览</source>
        <translation>Print Preview</translation>
    </message>
    <message>
        <source>请先选中要打印的项目</source>
        <translation>Select the projects to print first</translation>
    </message>
    <message>
        <source>打印项目表</source>
        <translation>Print Project Forms</translation>
    </message>
    <message>
        <source>导出 PDF 功能尚未安装</source>
        <translation>PDF export is not available</translation>
    </message>
    <message>
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>正在导出 %1 …</source>
        <translation>Exporting %1 …</translation>
    </message>
    <message>
        <source>无法导出 PDF</source>
        <translation>Cannot export the PDF</translation>
    </message>
    <message>
        <source>已导出 %1（%2 页）</source>
        <translation>Exported %1 (%2 pages)</translation>
    </message>
    <message>
        <source>界面语言将在重新启动后切换。
The language changes after a restart.</source>
        <translation>The language changes after a restart.
界面语言将在重新启动后切换。</translation>
    </message>
    <message>
        <source>立即重新启动 / Restart now</source>
        <translation>Restart now / 立即重新启动</translation>
    </message>
    <message>
        <source>稍后 / Later</source>
        <translation>Later / 稍后</translation>
    </message>
    <message>
        <source>无法重新启动，请手动关闭后再打开</source>
        <translation>Could not restart: close evaldesk and open it again</translation>
    </message>
    <message>
        <source>evaldesk — 预算项目绩效自评表的填报、核对、保存与打印。</source>
        <translation>evaldesk — fill in, check, save and print budget project performance self-evaluation tables.</translation>
    </message>
    <message>
        <source>正在处理文件，请稍候再关闭</source>
        <translation>A file is being processed; close again when it is done</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <source>指定各列对应的栏目</source>
        <translation>Match Columns to Fields</translation>
    </message>
    <message>
        <source>文件「%1」的表头中没有认出 %2 列。请为这些栏目选出文件中对应的列；已认出的栏目已经选好，可以更改。</source>
        <translation>%2 columns were not recognized in the header of “%1”. Choose the matching file column for these fields; recognized fields are already filled in and can be changed.</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>文件中的表头</source>
        <translation>Header in file</translation>
    </message>
    <message>
        <source>自评表栏目</source>
        <translation>Table field</translation>
    </message>
    <message>
        <source>文件中的列</source>
        <translation>Column in file</translation>
    </message>
    <message>
        <source>（必需）</source>
        <translation> (required)</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>记住这种表头的对应关系（表头相同的文件不再询问）</source>
        <translation>Remember this header&apos;s mapping (don&apos;t ask again for files with the same header)</translation>
    </message>
    <message>
        <source>不导入</source>
        <translation>Don&apos;t import</translation>
    </message>
    <message>
        <source>还需指定：%1</source>
        <translation>Still needed: %1</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PrintNotice</name>
    <message>
        <source>、%1 处提醒</source>
        <translation> and %1 warnings</translation>
    </message>
    <message>
        <source>本表还有 %1 处错误%2，财政局审核时可能退回；建议先改正再打印（见问题列表）。</source>
        <translation>This table still has %1 errors%2; the finance bureau may send it back. Correct them before printing (see the problems list).</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>打印预览</source>
        <translation>Print Preview</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>打印 (Ctrl+P)</source>
        <translation>Print (Ctrl+P)</translation>
    </message>
    <message>
        <source>导出 PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>纸张 </source>
        <translation>Paper </translation>
    </message>
    <message>
        <source>纸张大小</source>
        <translation>Paper size</translation>
    </message>
    <message>
        <source>横向</source>
        <translation>Landscape</translation>
    </message>
    <message>
        <source>纵向</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <source>纸张方向</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <source>  页边距 </source>
        <translation>  Margins </translation>
    </message>
    <message>
        <source> 毫米</source>
        <translation> mm</translation>
    </message>
    <message>
        <source>上下左右的页边距</source>
        <translation>Margin on all four sides</translation>
    </message>
    <message>
        <source>适合宽度</source>
        <translation>Fit Width</translation>
    </message>
    <message>
        <source>整页</source>
        <translation>Whole Page</translation>
    </message>
    <message>
        <source>缩小</source>
        <translation>Zoom Out</translation>
    </message>
    <message>
        <source>缩小 (Ctrl+-)</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <source>放大</source>
        <translation>Zoom In</translation>
    </message>
    <message>
        <source>放大 (Ctrl++)</source>
        <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
        <source>上一页</source>
        <translation>Previous Page</translation>
    </message>
    <message>
        <source>上一页 (PgUp)</source>
        <translation>Previous page (PgUp)</translation>
    </message>
    <message>
        <source>下一页</source>
        <translation>Next Page</translation>
    </message>
    <message>
        <source>下一页 (PgDn)</source>
        <translation>Next page (PgDn)</translation>
    </message>
    <message>
        <source>第一页</source>
        <translation>First Page</translation>
    </message>
    <message>
        <source>第一页 (Home)</source>
        <translation>First page (Home)</translation>
    </message>
    <message>
        <source>最后一页</source>
        <translation>Last Page</translation>
    </message>
    <message>
        <source>最后一页 (End)</source>
        <translation>Last page (End)</translation>
    </message>
    <message>
        <source>第</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>输入页码后按回车跳到该页</source>
        <translation>Type a page number and press Enter to go to it</translation>
    </message>
    <message>
        <source>正在排版，请稍候…</source>
        <translation>Laying out the pages, please wait…</translation>
    </message>
    <message>
        <source>页，共 … 页</source>
        <translation>of …</translation>
    </message>
    <message>
        <source>页，共 %1 页</source>
        <translation>of %1</translation>
    </message>
    <message>
        <source>正在准备第 %1 / %2 张表…</source>
        <translation>Preparing form %1 of %2…</translation>
    </message>
    <message>
        <source>正在排版第 %1 / %2 张表…</source>
        <translation>Laying out form %1 of %2…</translation>
    </message>
    <message>
        <source>无法排版：%1</source>
        <translation>Cannot lay out the pages: %1</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>无法打印</source>
        <translation>Cannot print</translation>
    </message>
    <message>
        <source>已送出打印 %1 页</source>
        <translation>Sent %1 page(s) to the printer</translation>
    </message>
</context>
<context>
    <name>ProblemsDock</name>
    <message>
        <source>一键修正</source>
        <translation>Fix</translation>
    </message>
    <message>
        <source>修正全部同类问题</source>
        <translation>Fix all problems of this kind</translation>
    </message>
    <message>
        <source>所选问题没有确定无疑的修正方法</source>
        <translation>The selected problem has no fix that is certain</translation>
    </message>
    <message>
        <source>修正全部同类问题（%n 处）</source>
        <translation>Fix all problems of this kind (%n)</translation>
    </message>
    <message>
        <source>问题 (%n)</source>
        <translation>Problems (%n)</translation>
    </message>
    <message>
        <source>一键修正：%1</source>
        <translation>Fix: %1</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>项目名称</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>栏目</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>整个项目</source>
        <translation>Whole project</translation>
    </message>
</context>
<context>
    <name>ProjectForm</name>
    <message>
        <source>项目概况</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>绩效指标与评分</source>
        <translation>Indicators and Scoring</translation>
    </message>
    <message>
        <source>问题与结论</source>
        <translation>Problems and Conclusions</translation>
    </message>
    <message>
        <source>项目资金（万元）</source>
        <translation>Project funds (10k CNY)</translation>
    </message>
    <message>
        <source>预算执行率</source>
        <translation>Budget execution rate</translation>
    </message>
    <message>
        <source>显示单项目表栏目（年初预算数、上年结转资金）</source>
        <translation>Show single-project form fields (initial budget, funds carried over from last year)</translation>
    </message>
    <message>
        <source>未选中项目：在表格中点选一行</source>
        <translation>No project selected: click a row in the table</translation>
    </message>
    <message>
        <source>（未命名项目）</source>
        <translation>(untitled project)</translation>
    </message>
    <message>
        <source>第 %1 行&#x3000;%2 %3</source>
        <translation>Row %1  %2 %3</translation>
    </message>
    <message>
        <source>（各项之和 %1）</source>
        <translation> (sum of items %1)</translation>
    </message>
    <message>
        <source>由各资金来源自动计算</source>
        <translation>Calculated from the funding sources</translation>
    </message>
    <message>
        <source>（表中填 %1）</source>
        <translation> (table says %1)</translation>
    </message>
    <message>
        <source>全年执行数合计 ÷ 全年预算数合计</source>
        <translation>Total annual spending ÷ total annual budget</translation>
    </message>
    <message>
        <source>本项目问题：错误 %1，警告 %2</source>
        <translation>Problems in this project: %1 errors, %2 warnings</translation>
    </message>
    <message>
        <source>本项目未发现问题</source>
        <translation>No problems found in this project</translation>
    </message>
    <message>
        <source>编辑「%1」</source>
        <translation>Edit “%1”</translation>
    </message>
</context>
<context>
    <name>ProjectFormDock</name>
    <message>
        <source>项目表单</source>
        <translation>Project Form</translation>
    </message>
</context>
<context>
    <name>ProjectTableModel</name>
    <message>
        <source>仍为上年数据：请按本年预算修改，或用「确认沿用上年预算」确认</source>
        <translation>Still last year&apos;s figure: update it to this year&apos;s budget, or confirm with “Keep Last Year&apos;s Budget”</translation>
    </message>
    <message>
        <source>由各资金来源自动计算；直接输入则按输入值保存并核对</source>
        <translation>Computed from the funding sources; a typed figure is kept and checked</translation>
    </message>
</context>
<context>
    <name>ScoreStrip</name>
    <message>
        <source>评分方案</source>
        <translation>Scoring scheme</translation>
    </message>
    <message>
        <source>产出</source>
        <translation>Output</translation>
    </message>
    <message>
        <source>效益</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>决策</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>管理</source>
        <translation>Management</translation>
    </message>
    <message>
        <source>执行率 %1&#x3000;得分 %2/%3</source>
        <translation>Execution rate %1  Score %2/%3</translation>
    </message>
    <message>
        <source>执行率 %1（不计分）</source>
        <translation>Execution rate %1 (not scored)</translation>
    </message>
    <message>
        <source>各指标分值合计 %1</source>
        <translation>Indicator points total %1</translation>
    </message>
    <message>
        <source>未填指标分值，不计总分</source>
        <translation>No indicator points entered; no total score</translation>
    </message>
    <message>
        <source>在「绩效指标」中为各指标填写分值后自动评分</source>
        <translation>Scoring starts once points are entered for the indicators under “Indicators”</translation>
    </message>
    <message>
        <source>总分 &lt;b style=&apos;font-size:15pt&apos;&gt;%1&lt;/b&gt;&#x3000;&lt;span style=&apos;color:#8a5a00&apos;&gt;另有 %2 项未评分&lt;/span&gt;</source>
        <translation>Total &lt;b style=&apos;font-size:15pt&apos;&gt;%1&lt;/b&gt;&#x3000;&lt;span style=&apos;color:#8a5a00&apos;&gt;%2 indicator(s) not yet scored&lt;/span&gt;</translation>
    </message>
    <message>
        <source>未评分的指标（填写指标值、完成值或得分后计入）：%1</source>
        <translation>Not yet scored (counted once the target, the actual or a score is entered): %1</translation>
    </message>
    <message>
        <source>总分 —</source>
        <translation>Total —</translation>
    </message>
    <message>
        <source>尚不能计算：%1</source>
        <translation>Cannot calculate yet: %1</translation>
    </message>
    <message>
        <source>（按执行率封顶，原 %1）</source>
        <translation> (capped by execution rate, was %1)</translation>
    </message>
    <message>
        <source>总分 &lt;b style=&apos;font-size:15pt&apos;&gt;%1&lt;/b&gt;%2&#x3000;&lt;b style=&apos;font-size:15pt; color:%3&apos;&gt;%4&lt;/b&gt;</source>
        <translation>Total &lt;b style=&apos;font-size:15pt&apos;&gt;%1&lt;/b&gt;%2  &lt;b style=&apos;font-size:15pt; color:%3&apos;&gt;%4&lt;/b&gt;</translation>
    </message>
    <message>
        <source>满分 %1；优 ≥ 90，良 80–89，中 60–79，差 &lt; 60</source>
        <translation>Out of %1; Excellent ≥ 90, Good 80–89, Fair 60–79, Poor &lt; 60</translation>
    </message>
</context>
<context>
    <name>SelfReportAction</name>
    <message>
        <source>生成自评报告(&amp;W)…</source>
        <translation>Draft self-evaluation &amp;report…</translation>
    </message>
    <message>
        <source>根据本表生成绩效自评报告初稿（Word 文档）：金额、执行率、低执行率项目及原因、指标完成情况和尚未处理的问题自动填入</source>
        <translation>Draft the performance self-evaluation report (Word) from this table: amounts, execution rates, low-rate projects and their reasons, indicator completion and open findings filled in</translation>
    </message>
    <message>
        <source>表中还没有项目，无法生成自评报告</source>
        <translation>The table has no projects yet: there is nothing to report</translation>
    </message>
    <message>
        <source>生成自评报告</source>
        <translation>Draft self-evaluation report</translation>
    </message>
    <message>
        <source>Word 文档 (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>正在处理上一个文件，请稍候</source>
        <translation>Still working on the previous file, please wait</translation>
    </message>
    <message>
        <source>正在生成自评报告 %1 …</source>
        <translation>Drafting the self-evaluation report %1 …</translation>
    </message>
    <message>
        <source>无法生成自评报告</source>
        <translation>Could not draft the self-evaluation report</translation>
    </message>
    <message>
        <source>已生成自评报告初稿 %1</source>
        <translation>Drafted the self-evaluation report %1</translation>
    </message>
    <message>
        <source>%n 个执行率低于 90% 的项目未说明原因</source>
        <translation>%n project(s) below 90 % execution give no reason</translation>
    </message>
    <message>
        <source>%1 个错误、%2 个警告尚未处理，已列入报告</source>
        <translation>%1 error(s) and %2 warning(s) still open, listed in the report</translation>
    </message>
    <message>
        <source>黄色底纹的【请填写：…】处须由经办人补写。现在打开这份文档吗？</source>
        <translation>The places highlighted in yellow (【请填写：…】) are for you to write. Open the document now?</translation>
    </message>
</context>
<context>
    <name>self.problems</name>
    <message>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
</context>
</TS>
