<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="192" />
        <source>对齐提纲</source>
        <translation>Aligned outline</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="205" />
        <source>只看变化</source>
        <translation>Changes only</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="206" />
        <source>隐藏各报告完全相同的行（保留其所在章节的标题行）</source>
        <translation>Hide rows whose text is the same in every report (the headings of their sections stay)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="210" />
        <source>◀ 上一处</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="211" />
        <source>下一处 ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="212" />
        <source>上一处变化 (Shift+F8)</source>
        <translation>Previous change (Shift+F8)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="213" />
        <source>下一处变化 (F8)</source>
        <translation>Next change (F8)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="220" />
        <source>在所有报告中查找… (Ctrl+F)</source>
        <translation>Find in all reports… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="284" />
        <source>请勾选至少两份报告进行对照</source>
        <translation>Tick at least two reports to compare</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="297" />
        <source>正在对齐…</source>
        <translation>Aligning…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="310" />
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="318" />
        <source>正在对齐… %1%</source>
        <translation>Aligning… %1%</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="337" />
        <source>%1 行，%2 处有变化</source>
        <translation>%1 rows, %2 with changes</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="347" />
        <source>对齐失败：</source>
        <translation>Alignment failed: </translation>
    </message>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="452" />
        <source>显示 %1 / %2 行</source>
        <translation>Showing %1 of %2 rows</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="527" />
        <source>找到 %1 处</source>
        <translation>%1 matches</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="603" />
        <source>与 %1 的某一节配对…</source>
        <translation>Pair with a section of %1…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="605" />
        <source>在 %1 中无对应</source>
        <translation>No counterpart in %1</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="612" />
        <source>手动配对</source>
        <translation>Pair manually</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="612" />
        <source>选择对应的章节：</source>
        <translation>Choose the matching section:</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <location filename="../../viewer/ui/export_actions.py" line="85" />
        <source>导出 PDF(&amp;E)…</source>
        <translation>&amp;Export PDF…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/export_actions.py" line="111" />
        <source>请先勾选至少两份报告进行对照</source>
        <translation>Tick at least two reports to compare first</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/export_actions.py" line="113" />
        <source>政府工作报告对照</source>
        <translation>Government work reports compared</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/export_actions.py" line="137" />
        <location filename="../../viewer/ui/export_actions.py" line="144" />
        <source>正在导出 %1…</source>
        <translation>Exporting %1…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/export_actions.py" line="137" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/export_actions.py" line="139" />
        <location filename="../../viewer/ui/export_actions.py" line="176" />
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/export_actions.py" line="169" />
        <source>已导出 %1</source>
        <translation>Exported %1</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/export_actions.py" line="175" />
        <location filename="../../viewer/ui/export_actions.py" line="176" />
        <source>导出失败：</source>
        <translation>Export failed: </translation>
    </message>
    <message>
        <location filename="../../viewer/ui/export_actions.py" line="184" />
        <source>导出已取消</source>
        <translation>Export cancelled</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../viewer/ui/export_actions.py" line="30" />
        <location filename="../../viewer/ui/export_actions.py" line="66" />
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/export_actions.py" line="32" />
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/export_actions.py" line="47" />
        <source>标题页附目标与实际对照（如有）</source>
        <translation>Add the target-vs-actual scorecard to the title page (when there is one)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/export_actions.py" line="49" />
        <source>附录：提法变化（变化强度表、力度/限定词/数值变化、新出现和不再出现的提法）</source>
        <translation>Appendix on policy phrasing (change matrix; intensity, qualifier and number changes; new and dropped phrases)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/export_actions.py" line="52" />
        <source>文件：</source>
        <translation>File:</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/export_actions.py" line="53" />
        <source>标题：</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/export_actions.py" line="54" />
        <source>标出：</source>
        <translation>Highlight:</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/export_actions.py" line="58" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/export_actions.py" line="59" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>HeatmapPanel</name>
    <message>
        <location filename="../../viewer/ui/heatmap_panel.py" line="43" />
        <source>显示二级章节</source>
        <translation>Show subsections</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/heatmap_panel.py" line="46" />
        <source>含跨地区对照</source>
        <translation>Include cross-district pairs</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/heatmap_panel.py" line="47" />
        <source>相邻两栏属于不同地区时，其改动并非历年变化</source>
        <translation>Where neighbouring columns are different districts, their differences are not changes over time</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/heatmap_panel.py" line="79" />
        <source>改动字词占比</source>
        <translation>Share of words changed</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/heatmap_panel.py" line="98" />
        <source>正在计算…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/heatmap_panel.py" line="113" />
        <source>勾选至少两份报告后显示各章节的改动强度</source>
        <translation>Check at least two reports to see how much each section changed</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/heatmap_panel.py" line="144" />
        <source>%1 个章节 × %2 组对照</source>
        <translation>%1 sections × %2 report pairs</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/heatmap_panel.py" line="166" />
        <source>两份报告都没有这一节</source>
        <translation>neither report has this section</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/heatmap_panel.py" line="167" />
        <source>改动 %1（新增 %2 词，删除 %3 词，未变 %4 词，移动 %5 词）</source>
        <translation>%1 changed (%2 words inserted, %3 deleted, %4 unchanged, %5 moved)</translation>
    </message>
</context>
<context>
    <name>IndicatorTabs</name>
    <message>
        <location filename="../../viewer/ui/indicator_tabs.py" line="135" />
        <source>指标</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/indicator_tabs.py" line="136" />
        <source>走势</source>
        <translation>Trends</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/indicator_tabs.py" line="137" />
        <source>目标对照</source>
        <translation>Targets vs results</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/indicator_tabs.py" line="138" />
        <source>关键词</source>
        <translation>Keywords</translation>
    </message>
</context>
<context>
    <name>IndicatorsPanel</name>
    <message>
        <location filename="../../viewer/ui/indicators_panel.py" line="52" />
        <source>筛选：指标或原句中的文字…</source>
        <translation>Filter: text in the indicator or sentence…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/indicators_panel.py" line="54" />
        <source>仅主要数值</source>
        <translation>Headline figures only</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/indicators_panel.py" line="55" />
        <source>同一指标、年份、类型只列出报告中的主要表述</source>
        <translation>One row per indicator, year and kind: the figure as the report states it first</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/indicators_panel.py" line="58" />
        <source>导出表格…</source>
        <translation>Export table…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/indicators_panel.py" line="61" />
        <location filename="../../viewer/ui/indicators_panel.py" line="70" />
        <source>地区</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/indicators_panel.py" line="61" />
        <location filename="../../viewer/ui/indicators_panel.py" line="70" />
        <source>指标</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/indicators_panel.py" line="62" />
        <location filename="../../viewer/ui/indicators_panel.py" line="71" />
        <source>类型</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/indicators_panel.py" line="62" />
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/indicators_panel.py" line="70" />
        <source>报告年份</source>
        <translation>Report year</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/indicators_panel.py" line="71" />
        <source>所属年份</source>
        <translation>Year of figure</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/indicators_panel.py" line="71" />
        <source>度量</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/indicators_panel.py" line="72" />
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/indicators_panel.py" line="72" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/indicators_panel.py" line="72" />
        <source>限定</source>
        <translation>Qualifier</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/indicators_panel.py" line="73" />
        <source>章节</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/indicators_panel.py" line="73" />
        <source>报告</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/indicators_panel.py" line="73" />
        <source>原句</source>
        <translation>Sentence</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/indicators_panel.py" line="111" />
        <source>正在提取指标…</source>
        <translation>Extracting indicators…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/indicators_panel.py" line="127" />
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/indicators_panel.py" line="119" />
        <source>请勾选报告</source>
        <translation>Tick some reports</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/indicators_panel.py" line="132" />
        <source>全部地区</source>
        <translation>All districts</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/indicators_panel.py" line="138" />
        <source>全部指标</source>
        <translation>All indicators</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/indicators_panel.py" line="140" />
        <source>全部类型</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/indicators_panel.py" line="142" />
        <source>全部年份</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/indicators_panel.py" line="121" />
        <source>单击一行可在对照视图中定位原句</source>
        <translation>Click a row to show its sentence in the comparison</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/indicators_panel.py" line="170" />
        <source>%1 / %2 条</source>
        <translation>%1 / %2 rows</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/indicators_panel.py" line="204" />
        <source>导出表格</source>
        <translation>Export table</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/indicators_panel.py" line="209" />
        <source>导出失败：</source>
        <translation>Export failed: </translation>
    </message>
    <message>
        <location filename="../../viewer/ui/indicators_panel.py" line="211" />
        <source>已导出到 %1</source>
        <translation>Exported to %1</translation>
    </message>
</context>
<context>
    <name>KeywordsPanel</name>
    <message>
        <location filename="../../viewer/ui/keywords_panel.py" line="70" />
        <source>输入词语，用空格或逗号分隔</source>
        <translation>Terms, separated by spaces or commas</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/keywords_panel.py" line="72" />
        <source>绘制</source>
        <translation>Plot</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/keywords_panel.py" line="74" />
        <source>新词 Top</source>
        <translation>Top new terms</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/keywords_panel.py" line="75" />
        <source>找出各报告中出现而同一地区上一份报告中没有的词，按次数排列</source>
        <translation>Find the words of each report that the same district's previous report does not use, most frequent first</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/keywords_panel.py" line="80" />
        <location filename="../../viewer/ui/keywords_panel.py" line="111" />
        <source>每万字</source>
        <translation>Per 10k chars</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/keywords_panel.py" line="81" />
        <source>按报告长度折算为每一万字出现的次数</source>
        <translation>Occurrences per 10,000 characters, so long and short reports compare</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/keywords_panel.py" line="84" />
        <source>导出 PNG…</source>
        <translation>Export PNG…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/keywords_panel.py" line="85" />
        <source>导出 SVG…</source>
        <translation>Export SVG…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/keywords_panel.py" line="86" />
        <source>导出表格…</source>
        <translation>Export table…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/keywords_panel.py" line="91" />
        <location filename="../../viewer/ui/keywords_panel.py" line="109" />
        <source>词语</source>
        <translation>Term</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/keywords_panel.py" line="109" />
        <source>地区</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/keywords_panel.py" line="109" />
        <location filename="../../viewer/ui/keywords_panel.py" line="190" />
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/keywords_panel.py" line="110" />
        <source>报告</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/keywords_panel.py" line="110" />
        <source>次数</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/keywords_panel.py" line="157" />
        <source>正在分词，查找新词…</source>
        <translation>Segmenting words, looking for new terms…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/keywords_panel.py" line="167" />
        <source>没有找到新词：需要同一地区至少两个年份的报告</source>
        <translation>No new terms: this needs reports of at least two years of one district</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/keywords_panel.py" line="170" />
        <source>新词：</source>
        <translation>New terms: </translation>
    </message>
    <message>
        <location filename="../../viewer/ui/keywords_panel.py" line="189" />
        <source>每万字出现次数</source>
        <translation>Occurrences per 10,000 characters</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/keywords_panel.py" line="189" />
        <source>出现次数</source>
        <translation>Occurrences</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/keywords_panel.py" line="191" />
        <source>关键词词频</source>
        <translation>Keyword frequency</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/keywords_panel.py" line="230" />
        <source>%1 次，每万字 %2</source>
        <translation>%1 times, %2 per 10k characters</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/keywords_panel.py" line="231" />
        <source>出处：%1</source>
        <translation>Source: %1</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/keywords_panel.py" line="242" />
        <source>导出图表</source>
        <translation>Export chart</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/keywords_panel.py" line="247" />
        <source>导出表格</source>
        <translation>Export table</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/keywords_panel.py" line="255" />
        <source>导出失败：</source>
        <translation>Export failed: </translation>
    </message>
    <message>
        <location filename="../../viewer/ui/keywords_panel.py" line="257" />
        <source>已导出到 %1</source>
        <translation>Exported to %1</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <location filename="../../viewer/ui/library.py" line="31" />
        <source>地区</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library.py" line="31" />
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library.py" line="31" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library.py" line="31" />
        <source>格式</source>
        <translation>Format</translation>
    </message>
</context>
<context>
    <name>LoadJob</name>
    <message>
        <location filename="../../viewer/ui/workers.py" line="81" />
        <source>文件中没有可用的文字</source>
        <translation>No usable text in the file</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workers.py" line="82" />
        <source>不支持的文件类型</source>
        <translation>Unsupported file type</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workers.py" line="83" />
        <source>无法识别文字编码</source>
        <translation>Unknown text encoding</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workers.py" line="84" />
        <source>PDF 没有文字层（扫描件需先做文字识别）</source>
        <translation>PDF without a text layer (a scan needs OCR first)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workers.py" line="85" />
        <source>文件已损坏或不完整</source>
        <translation>Damaged or incomplete file</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workers.py" line="86" />
        <source>文件过大</source>
        <translation>File too large</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workers.py" line="87" />
        <source>无法打开文件</source>
        <translation>Cannot open the file</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workers.py" line="88" />
        <source>内存不足</source>
        <translation>Out of memory</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workers.py" line="95" />
        <source>读取出错</source>
        <translation>Reading failed</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workers.py" line="96" />
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>LoadProblems</name>
    <message>
        <location filename="../../viewer/ui/load_problems.py" line="30" />
        <source>无法读取 %1 个文件</source>
        <translation>%1 files could not be read</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/load_problems.py" line="38" />
        <source>无法读取的文件</source>
        <translation>Files that could not be read</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/load_problems.py" line="41" />
        <source>下列文件没有加载，其余文件照常打开：</source>
        <translation>These files were not loaded; the others opened as usual:</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/load_problems.py" line="46" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="25" />
        <source>报告 (*.txt *.md *.docx *.pdf *.html *.htm);;所有文件 (*)</source>
        <translation>Reports (*.txt *.md *.docx *.pdf *.html *.htm);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="35" />
        <source>报告对照 Report Compare</source>
        <translation>Report Compare</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="49" />
        <source>报告库</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="56" />
        <source>章节</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="56" />
        <source>类型</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="86" />
        <source>对照</source>
        <translation>Compare</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="87" />
        <source>单篇阅读</source>
        <translation>Single report</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="96" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="121" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="122" />
        <source>打开(&amp;O)…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="126" />
        <source>最近打开(&amp;R)</source>
        <translation>Open &amp;Recent</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="134" />
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="139" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="141" />
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="143" />
        <source>中文</source>
        <translation>中文 (Chinese)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="143" />
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="157" />
        <source>语言将在重新启动后生效</source>
        <translation>The language changes when the app restarts</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="180" />
        <source>打开报告</source>
        <translation>Open reports</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="208" />
        <source>文件夹中的报告文件超过 %1 个，只读取前 %1 个</source>
        <translation>the folder holds more than %1 report files: only the first %1 are read</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="276" />
        <source>正在读取 %1（%2/%3）</source>
        <translation>Reading %1 (%2/%3)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="296" />
        <source>已加载 %1 份报告</source>
        <translation>%1 reports loaded</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="298" />
        <source>（已取消）</source>
        <translation> (cancelled)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="300" />
        <source>，对照其中已勾选的 %1 份（在报告库中勾选其他报告即可加入对照）</source>
        <translation>; comparing the %1 ticked (tick others in the library to add them)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="214" />
        <location filename="../../viewer/ui/main_window.py" line="304" />
        <source>无法读取：</source>
        <translation>Could not read: </translation>
    </message>
</context>
<context>
    <name>MissingFilesDialog</name>
    <message>
        <location filename="../../viewer/ui/workspace_actions.py" line="32" />
        <source>报告 (*.txt *.md *.docx *.pdf *.html *.htm);;所有文件 (*)</source>
        <translation>Reports (*.txt *.md *.docx *.pdf *.html *.htm);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workspace_actions.py" line="59" />
        <source>找不到报告文件</source>
        <translation>Report files not found</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workspace_actions.py" line="62" />
        <source>工作区中的以下报告文件已不在原位置。可以逐个找到它们，或跳过（跳过的报告不会打开，涉及它们的手动配对也不会应用）。</source>
        <translation>These report files of the workspace are no longer where they were. Locate each of them, or skip it (a skipped report is not opened, and manual pairings involving it are not applied).</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workspace_actions.py" line="66" />
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workspace_actions.py" line="66" />
        <source>原位置</source>
        <translation>Former location</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workspace_actions.py" line="66" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workspace_actions.py" line="79" />
        <source>未找到</source>
        <translation>Not found</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workspace_actions.py" line="80" />
        <source>定位…</source>
        <translation>Locate…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workspace_actions.py" line="81" />
        <location filename="../../viewer/ui/workspace_actions.py" line="127" />
        <source>跳过</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workspace_actions.py" line="94" />
        <source>打开工作区</source>
        <translation>Open workspace</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workspace_actions.py" line="95" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workspace_actions.py" line="113" />
        <source>找到 %1</source>
        <translation>Locate %1</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workspace_actions.py" line="122" />
        <source>已找到</source>
        <translation>Found</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workspace_actions.py" line="122" />
        <source>已找到（内容与保存时不同）</source>
        <translation>Found (content differs from when saved)</translation>
    </message>
</context>
<context>
    <name>PhraseTabs</name>
    <message>
        <location filename="../../viewer/ui/phrase_tabs.py" line="99" />
        <source>提法</source>
        <translation>Phrasing</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/phrase_tabs.py" line="100" />
        <source>变化热图</source>
        <translation>Change heat map</translation>
    </message>
</context>
<context>
    <name>PhrasesPanel</name>
    <message>
        <location filename="../../viewer/ui/phrases_panel.py" line="233" />
        <source>全部提法</source>
        <translation>All phrases</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/phrases_panel.py" line="233" />
        <source>仅新出现</source>
        <translation>New only</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/phrases_panel.py" line="233" />
        <source>仅已消失</source>
        <translation>Dropped only</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/phrases_panel.py" line="234" />
        <source>仅延续</source>
        <translation>Carried only</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/phrases_panel.py" line="236" />
        <source>隐藏套话</source>
        <translation>Hide boilerplate</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/phrases_panel.py" line="237" />
        <source>每份报告都有的提法、政治套语和仪式性段落中的提法</source>
        <translation>Phrases found in every report, political formulas, and phrases only in ceremonial parts</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/phrases_panel.py" line="240" />
        <source>筛选提法…</source>
        <translation>Filter phrases…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/phrases_panel.py" line="244" />
        <source>地区</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/phrases_panel.py" line="306" />
        <source>全部地区</source>
        <translation>All districts</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/phrases_panel.py" line="316" />
        <source>计算失败：</source>
        <translation>Failed: </translation>
    </message>
    <message>
        <location filename="../../viewer/ui/phrases_panel.py" line="320" />
        <source>正在分析提法…</source>
        <translation>Analysing phrasing…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/phrases_panel.py" line="344" />
        <source>%1 条提法（新出现 %2，已消失 %3）</source>
        <translation>%1 phrases (%2 new, %3 dropped)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/phrases_panel.py" line="359" />
        <source>勾选同一地区的至少两份报告，可查看措辞变化</source>
        <translation>Check at least two reports of one district to see wording changes</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/phrases_panel.py" line="361" />
        <source>措辞变化 %1 处</source>
        <translation>%1 wording changes</translation>
    </message>
</context>
<context>
    <name>PlotsPanel</name>
    <message>
        <location filename="../../viewer/ui/plots.py" line="104" />
        <source>导出 PNG…</source>
        <translation>Export PNG…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/plots.py" line="105" />
        <source>导出 SVG…</source>
        <translation>Export SVG…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/plots.py" line="110" />
        <source>指标</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/plots.py" line="112" />
        <source>● 实际　△ 目标　◇ 规划目标；悬停查看数值与出处</source>
        <translation>● actual  △ target  ◇ plan target; hover for value and source</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/plots.py" line="190" />
        <source>总量</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/plots.py" line="190" />
        <source>增速</source>
        <translation>Growth</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/plots.py" line="193" />
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/plots.py" line="195" />
        <source>没有数据</source>
        <translation>No data</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/plots.py" line="210" />
        <source>%1 个数据点</source>
        <translation>%1 points</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/plots.py" line="244" />
        <source>出处：%1</source>
        <translation>Source: %1</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/plots.py" line="262" />
        <source>导出图表</source>
        <translation>Export chart</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/plots.py" line="267" />
        <source>导出失败：</source>
        <translation>Export failed: </translation>
    </message>
    <message>
        <location filename="../../viewer/ui/plots.py" line="269" />
        <source>已导出到 %1</source>
        <translation>Exported to %1</translation>
    </message>
</context>
<context>
    <name>ScorecardPanel</name>
    <message>
        <location filename="../../viewer/ui/scorecard_panel.py" line="85" />
        <source>主要目标及有结果的</source>
        <translation>Main targets and those with results</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/scorecard_panel.py" line="85" />
        <source>仅主要预期目标</source>
        <translation>Main targets only</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/scorecard_panel.py" line="85" />
        <source>全部目标</source>
        <translation>All targets</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/scorecard_panel.py" line="88" />
        <source>导出表格…</source>
        <translation>Export table…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/scorecard_panel.py" line="91" />
        <location filename="../../viewer/ui/scorecard_panel.py" line="99" />
        <source>地区</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/scorecard_panel.py" line="91" />
        <location filename="../../viewer/ui/scorecard_panel.py" line="99" />
        <source>目标年份</source>
        <translation>Target year</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/scorecard_panel.py" line="92" />
        <location filename="../../viewer/ui/scorecard_panel.py" line="101" />
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/scorecard_panel.py" line="92" />
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/scorecard_panel.py" line="99" />
        <source>指标</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/scorecard_panel.py" line="100" />
        <source>度量</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/scorecard_panel.py" line="100" />
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/scorecard_panel.py" line="100" />
        <source>实际</source>
        <translation>Actual</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/scorecard_panel.py" line="101" />
        <source>差距</source>
        <translation>Gap</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/scorecard_panel.py" line="102" />
        <source>目标出处</source>
        <translation>Target source</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/scorecard_panel.py" line="102" />
        <source>实际出处</source>
        <translation>Result source</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/scorecard_panel.py" line="103" />
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/scorecard_panel.py" line="121" />
        <source>目标取自当年报告，实际取自下一年报告；单击一行定位原句（单击“实际”列定位实际值的原句）</source>
        <translation>Targets come from the year's report, results from the next year's report; click a row to show the target's sentence (click the Actual column for the result's)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/scorecard_panel.py" line="139" />
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/scorecard_panel.py" line="141" />
        <source>没有可对照的目标</source>
        <translation>No targets to compare</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/scorecard_panel.py" line="143" />
        <source>全部地区</source>
        <translation>All districts</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/scorecard_panel.py" line="144" />
        <source>全部年份</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/scorecard_panel.py" line="145" />
        <source>全部结果</source>
        <translation>All results</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/scorecard_panel.py" line="178" />
        <source>达成 %1 · 未达成 %2 · 无数据 %3</source>
        <translation>Met %1 · missed %2 · no data %3</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/scorecard_panel.py" line="204" />
        <source>导出表格</source>
        <translation>Export table</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/scorecard_panel.py" line="209" />
        <source>导出失败：</source>
        <translation>Export failed: </translation>
    </message>
    <message>
        <location filename="../../viewer/ui/scorecard_panel.py" line="211" />
        <source>已导出到 %1</source>
        <translation>Exported to %1</translation>
    </message>
</context>
<context>
    <name>WorkspaceController</name>
    <message>
        <location filename="../../viewer/ui/workspace_actions.py" line="31" />
        <source>报告对照工作区 (*.rcw)</source>
        <translation>Report Compare workspaces (*.rcw)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workspace_actions.py" line="142" />
        <source>保存工作区(&amp;S)…</source>
        <translation>&amp;Save Workspace…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workspace_actions.py" line="145" />
        <source>工作区另存为…</source>
        <translation>Save Workspace As…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workspace_actions.py" line="148" />
        <source>打开工作区(&amp;W)…</source>
        <translation>Open &amp;Workspace…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workspace_actions.py" line="224" />
        <source>工作区</source>
        <translation>workspace</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workspace_actions.py" line="225" />
        <location filename="../../viewer/ui/workspace_actions.py" line="238" />
        <source>保存工作区</source>
        <translation>Save workspace</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workspace_actions.py" line="237" />
        <source>无法保存工作区 %1：%2</source>
        <translation>Could not save the workspace %1: %2</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workspace_actions.py" line="241" />
        <source>已保存工作区 %1</source>
        <translation>Workspace %1 saved</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workspace_actions.py" line="261" />
        <location filename="../../viewer/ui/workspace_actions.py" line="280" />
        <source>打开工作区</source>
        <translation>Open workspace</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workspace_actions.py" line="280" />
        <source>无法打开工作区：</source>
        <translation>Could not open the workspace:</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workspace_actions.py" line="287" />
        <source>已取消打开工作区</source>
        <translation>Opening the workspace was cancelled</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workspace_actions.py" line="303" />
        <source>以下报告自保存工作区后已修改：</source>
        <translation>These reports changed since the workspace was saved: </translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workspace_actions.py" line="388" />
        <source>恢复上次的工作</source>
        <translation>Restore previous session</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/workspace_actions.py" line="389" />
        <source>上次运行没有正常关闭。要恢复当时打开的 %1 份报告、勾选和手动配对吗？</source>
        <translation>Report Compare did not close normally last time. Restore the %1 reports that were open, with their ticks and manual pairings?</translation>
    </message>
</context>
<context>
    <name>indicators</name>
    <message>
        <location filename="../../viewer/ui/frame_model.py" line="20" />
        <source>实际</source>
        <translation>Actual</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/frame_model.py" line="21" />
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/frame_model.py" line="22" />
        <source>规划目标</source>
        <translation>Plan target</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/frame_model.py" line="23" />
        <source>年均增长</source>
        <translation>Average growth</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/frame_model.py" line="24" />
        <source>累计</source>
        <translation>Cumulative</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/frame_model.py" line="25" />
        <source>基数</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/frame_model.py" line="26" />
        <source>阶段数</source>
        <translation>Partial year</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/frame_model.py" line="27" />
        <source>年均</source>
        <translation>Average</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/frame_model.py" line="30" />
        <source>总量</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/frame_model.py" line="31" />
        <source>增速</source>
        <translation>Growth</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/frame_model.py" line="32" />
        <source>占比</source>
        <translation>Share</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/frame_model.py" line="33" />
        <source>倍数</source>
        <translation>Multiple</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/frame_model.py" line="34" />
        <source>增量</source>
        <translation>Increase</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/frame_model.py" line="35" />
        <source>拉动</source>
        <translation>Contribution</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/frame_model.py" line="36" />
        <source>差距</source>
        <translation>Gap</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/frame_model.py" line="39" />
        <source>✓ 达成</source>
        <translation>✓ Met</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/frame_model.py" line="40" />
        <source>✗ 未达成</source>
        <translation>✗ Missed</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/frame_model.py" line="41" />
        <source>— 无数据</source>
        <translation>— No data</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/frame_model.py" line="44" />
        <source>工作回顾</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/frame_model.py" line="45" />
        <source>预期目标</source>
        <translation>Targets</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/frame_model.py" line="46" />
        <source>年度工作</source>
        <translation>Year plan</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/frame_model.py" line="47" />
        <source>五年目标</source>
        <translation>Five-year goals</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/frame_model.py" line="169" />
        <source>CSV 表格 (*.csv);;Excel 工作簿 (*.xlsx)</source>
        <translation>CSV table (*.csv);;Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/scorecard_panel.py" line="28" />
        <source>未载入下一年的报告</source>
        <translation>Next year's report not loaded</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/scorecard_panel.py" line="29" />
        <source>下一年的报告未提及</source>
        <translation>Not stated in next year's report</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/scorecard_panel.py" line="30" />
        <source>单位不同，无法比较</source>
        <translation>Different units: not comparable</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/scorecard_panel.py" line="41" />
        <source>持平</source>
        <translation>Flat</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/scorecard_panel.py" line="52" />
        <source>个百分点</source>
        <translation>points</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../viewer/ui/labels.py" line="9" />
        <source>印发通知</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="10" />
        <source>开头</source>
        <translation>Opening</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="11" />
        <source>工作回顾</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="12" />
        <source>五年目标</source>
        <translation>Five-year goals</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="13" />
        <source>年度工作</source>
        <translation>Year plan</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="14" />
        <source>预期目标</source>
        <translation>Targets</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="15" />
        <source>困难问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="16" />
        <source>自身建设</source>
        <translation>Self-building</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="17" />
        <source>结束语</source>
        <translation>Closing</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="18" />
        <source>名词解释</source>
        <translation>Glossary</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="22" />
        <source>新增</source>
        <translation>Inserted</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="23" />
        <source>删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="24" />
        <source>移动</source>
        <translation>Moved</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/labels.py" line="25" />
        <source>重复提法</source>
        <translation>Recurring</translation>
    </message>
</context>
<context><name>PdfExport</name><message><source>概要</source><translation>Summary</translation></message><message><source>目录</source><translation>Contents</translation></message><message><source>政府工作报告对照</source><translation>Government work reports compared</translation></message><message><source>附录：提法变化</source><translation>Appendix: policy phrasing</translation></message><message><source>导出于 %1</source><translation>Exported %1</translation></message><message><source>力度</source><translation>Intensity</translation></message><message><source>限定词</source><translation>Qualifier</translation></message><message><source>数值</source><translation>Value</translation></message><message><source>加强</source><translation>stronger</translation></message><message><source>减弱</source><translation>weaker</translation></message><message><source>收紧</source><translation>firmer</translation></message><message><source>放宽</source><translation>softer</translation></message><message><source>上调</source><translation>raised</translation></message><message><source>下调</source><translation>lowered</translation></message><message><source>各部分变化强度</source><translation>Change intensity by section</translation></message><message><source>每格为对齐的这一部分在相邻两份报告之间改动的词所占比例（新增与删除的词 ÷ 两边的词）；空格表示其中一份报告没有这一部分。</source><translation>Each cell is the share of words of this aligned part that changed between two neighbouring reports (inserted and deleted words ÷ the words of both sides); “—” means one of the reports has no such part.</translation></message><message><source>提法的力度、限定词和数值变化</source><translation>Intensity, qualifier and number changes</translation></message><message><source>类别</source><translation>Kind</translation></message><message><source>方向</source><translation>Direction</translation></message><message><source>对照</source><translation>Compare</translation></message><message><source>指标</source><translation>Indicators</translation></message><message><source>原文</source><translation>Before</translation></message><message><source>改为</source><translation>After</translation></message><message><source>新出现和不再出现的提法</source><translation>New and dropped phrases</translation></message><message><source>（无）</source><translation>(none)</translation></message><message><source>对齐的句子中没有这类变化。</source><translation>No such changes in the aligned sentences.</translation></message><message><source>只见于 %1 的提法</source><translation>Only in %1</translation></message><message><source>%1 中不再出现的提法</source><translation>No longer in %1</translation></message><message><source>对照的报告中没有同一地区的不同年份。</source><translation>The reports compared hold no two years of one district.</translation></message><message><source>部分</source><translation>Part</translation></message><message><source>等 %1 个</source><translation> … %1 in all</translation></message><message><source>另有 %1 处未列出。</source><translation>%1 more not listed.</translation></message><message><source>达成</source><translation>met</translation></message><message><source>未达成</source><translation>missed</translation></message><message><source>无数据</source><translation>no data</translation></message><message><source>地区</source><translation>District</translation></message><message><source>年份</source><translation>Year</translation></message><message><source>目标</source><translation>Target</translation></message><message><source>实际</source><translation>Actual</translation></message><message><source>结果</source><translation>Result</translation></message><message><source>差距</source><translation>Gap</translation></message><message><source>增长</source><translation>growth </translation></message><message><source>持平</source><translation>Flat</translation></message><message><source>未提及</source><translation>not stated</translation></message><message><source>（已标出）</source><translation>(shown)</translation></message><message><source>（未标出）</source><translation>(not shown)</translation></message><message><source>栏</source><translation>Col.</translation></message><message><source>标题</source><translation>Title</translation></message><message><source>日期</source><translation>Date</translation></message><message><source>文件</source><translation>File</translation></message><message><source>字数</source><translation>Characters</translation></message><message><source>对齐行</source><translation>Aligned rows</translation></message><message><source>有变化</source><translation>Changed</translation></message><message><source>新增（字）</source><translation>Inserted (chars)</translation></message><message><source>删除（字）</source><translation>Deleted (chars)</translation></message><message><source>移动（字）</source><translation>Moved (chars)</translation></message><message><source>相同文字占比</source><translation>Equal text</translation></message><message><source>对照的报告</source><translation>Reports compared</translation></message><message><source>变化概要</source><translation>Changes at a glance</translation></message><message><source>图例</source><translation>Legend</translation></message><message><source>每一行是各报告中相互对应的部分，逐栏并排；“—”表示该报告没有对应内容。新增：与左邻一栏相比新出现的文字；删除：到右邻一栏不再出现的文字；移动：换了位置的文字。页边的竖条标出有变化的行。</source><translation>Each row holds the corresponding parts of the reports, one column each; “—” means the report has no counterpart. Inserted: text new compared with the column to the left; deleted: text gone in the column to the right; moved: text that changed place. A bar in the margin marks rows with changes.</translation></message><message><source>目标与实际</source><translation>Targets and results</translation></message><message><source>另有 %1 行未列出。</source><translation>%1 more rows not listed. </translation></message><message><source>另有 %1 个目标在下一年的报告中未见实际数。</source><translation>%1 more targets have no result stated in the next year's report.</translation></message><message><source>%1 份报告对照 · 导出于 %2</source><translation>%1 reports compared · exported %2</translation></message><message><source>共 %1 个对齐行：%2 行各报告都有，%3 行只见于一份报告。</source><translation>%1 aligned rows: %2 present in every report, %3 in one report only.</translation></message><message><source>（未标出差异）</source><translation>(differences not highlighted)</translation></message><message><source>第 %1 页 / 共 %2 页</source><translation>Page %1 of %2</translation></message></context></TS>