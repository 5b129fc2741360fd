<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="135" />
        <source>对齐提纲</source>
        <translation>Aligned outline</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="149" />
        <source>◀ 上一处</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="150" />
        <source>下一处 ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="151" />
        <source>上一处变化 (Shift+F8)</source>
        <translation>Previous change (Shift+F8)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="152" />
        <source>下一处变化 (F8)</source>
        <translation>Next change (F8)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="159" />
        <source>在所有报告中查找… (Ctrl+F)</source>
        <translation>Find in all reports… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="204" />
        <source>请勾选至少两份报告进行对照</source>
        <translation>Tick at least two reports to compare</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="214" />
        <source>正在对齐…</source>
        <translation>Aligning…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="221" />
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="236" />
        <source>%1 行，%2 处有变化</source>
        <translation>%1 rows, %2 with changes</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="246" />
        <source>对齐失败：</source>
        <translation>Alignment failed: </translation>
    </message>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="335" />
        <source>找到 %1 处</source>
        <translation>%1 matches</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="417" />
        <source>与 %1 的某一节配对…</source>
        <translation>Pair with a section of %1…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="419" />
        <source>在 %1 中无对应</source>
        <translation>No counterpart in %1</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="426" />
        <source>手动配对</source>
        <translation>Pair manually</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/compare_view.py" line="426" />
        <source>选择对应的章节：</source>
        <translation>Choose the matching section:</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <location filename="../../viewer/ui/library.py" line="27" />
        <source>地区</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library.py" line="27" />
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library.py" line="27" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/library.py" line="27" />
        <source>格式</source>
        <translation>Format</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="23" />
        <source>报告 (*.txt *.md *.docx *.pdf *.html *.htm);;所有文件 (*)</source>
        <translation>Reports (*.txt *.md *.docx *.pdf *.html *.htm);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="31" />
        <source>报告对照 Report Compare</source>
        <translation>Report Compare</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="45" />
        <source>报告库</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="51" />
        <source>章节</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="51" />
        <source>类型</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="70" />
        <source>对照</source>
        <translation>Compare</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="71" />
        <source>单篇阅读</source>
        <translation>Single report</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="80" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="93" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="94" />
        <source>打开(&amp;O)…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="98" />
        <source>最近打开(&amp;R)</source>
        <translation>Open &amp;Recent</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="101" />
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="106" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="108" />
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="110" />
        <source>中文</source>
        <translation>中文 (Chinese)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="110" />
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="118" />
        <source>语言将在重新启动后生效</source>
        <translation>The language changes when the app restarts</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="141" />
        <source>打开报告</source>
        <translation>Open reports</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="218" />
        <source>正在读取 %1（%2/%3）</source>
        <translation>Reading %1 (%2/%3)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="235" />
        <source>已加载 %1 份报告</source>
        <translation>%1 reports loaded</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="237" />
        <source>（已取消）</source>
        <translation> (cancelled)</translation>
    </message>
    <message>
        <location filename="../../viewer/ui/main_window.py" line="239" />
        <source>无法读取：</source>
        <translation>Could not read: </translation>
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
</TS>