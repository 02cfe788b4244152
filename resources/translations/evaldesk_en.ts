<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name />
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
        <source>无法识别粘贴的整张表格：缺少文本导入模块</source>
        <translation>Cannot read the pasted table: the text importer is missing</translation>
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
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
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
        <source>&lt;span style='color:#b3261e'&gt;错误 %1&lt;/span&gt;  &lt;span style='color:#8a5a00'&gt;警告 %2&lt;/span&gt;</source>
        <translation>&lt;span style='color:#b3261e'&gt;Errors %1&lt;/span&gt;  &lt;span style='color:#8a5a00'&gt;Warnings %2&lt;/span&gt;</translation>
    </message>
    <message>
        <source>未命名</source>
        <translation>Untitled</translation>
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
        <source>自评表 (*.xlsx *.xlsm *.xls *.ods *.txt *.tsv *.csv);;所有文件 (*)</source>
        <translation>Self-evaluation tables (*.xlsx *.xlsm *.xls *.ods *.txt *.tsv *.csv);;All files (*)</translation>
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
        <source>已打开 %1（%2 个项目）</source>
        <translation>Opened %1 (%2 projects)</translation>
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
        <source>无法保存文件</source>
        <translation>Cannot save the file</translation>
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
        <source>evaldesk — 预算项目绩效自评表的填报、核对、保存与打印。</source>
        <translation>evaldesk — fill in, check, save and print budget project performance self-evaluation tables.</translation>
    </message>
    <message>
        <source>正在处理文件，请稍候再关闭</source>
        <translation>A file is being processed; close again when it is done</translation>
    </message>
</context>
<context>
    <name>ProblemsDock</name>
    <message>
        <source>问题 (%n)</source>
        <translation>Problems (%n)</translation>
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
    <name>ProjectTableModel</name>
    <message>
        <source>由各资金来源自动计算；直接输入则按输入值保存并核对</source>
        <translation>Computed from the funding sources; a typed figure is kept and checked</translation>
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