// Ünïcödé comment: 日本語 — and an emoji 😀
module example.com/unicode // ✓

replace example.com/a => "./ünïcödé"

replace example.com/b => ./日本

require example.com/c v1.0.0 // 注释 indirect
