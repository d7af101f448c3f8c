-- End-to-end test of the PaperLsp server with Neovim's built-in LSP client (0.7 or later) as the client.
-- Run by tests/e2e/nvim/run.sh, which sets the environment below; not meant to be sourced by hand,
-- but it can be:
--   PAPERLSP_DOTNET=dotnet PAPERLSP_SERVER_DLL=.../paperlsp.dll \
--   PAPERLSP_SEED_COMPACT=$TMPDIR/x/004.txt PAPERLSP_SEED_SPACED=$TMPDIR/x/000.txt PAPERLSP_RESULTS=$TMPDIR/x/results \
--     nvim --headless -u NONE -i NONE -n -c 'luafile tests/e2e/nvim/paperlsp_e2e.lua'
--
-- Each check appends one line to $PAPERLSP_RESULTS as soon as it is decided: "ok NAME" or
-- "not ok NAME: reason". Every name in CHECKS gets exactly one line, also when an earlier step failed,
-- a Lua error escaped, or the watchdog fired. Nvim exits 0 when all passed, 1 otherwise.
--
-- Only APIs that exist in Neovim 0.7 are used: vim.lsp.start_client, client.request_sync, client.stop,
-- vim.diagnostic.get, vim.loop timers. Every wait has a timeout; a hard watchdog ends nvim regardless.

local TIMEOUT = tonumber(os.getenv('PAPERLSP_E2E_TIMEOUT_MS') or '10000')
local HARD_TIMEOUT = tonumber(os.getenv('PAPERLSP_E2E_HARD_TIMEOUT_MS') or '40000')

local CHECKS = { 'attach', 'outline', 'diagnostics', 'document-links', 'hover', 'definition', 'shutdown' }

local function env(name)
  local v = os.getenv(name)
  if v == nil or v == '' then error('environment variable ' .. name .. ' is not set') end
  return v
end

local results_path = env('PAPERLSP_RESULTS')
local done = {}
local any_failed = false

local function one_line(s)
  return (tostring(s):gsub('%s+', ' '))
end

local function report(name, ok, reason)
  if done[name] then return end
  done[name] = true
  local line = ok and ('ok ' .. name) or ('not ok ' .. name .. ': ' .. one_line(reason or 'failed'))
  if not ok then any_failed = true end
  local f = io.open(results_path, 'a')
  if f then
    f:write(line, '\n')
    f:close()
  end
end

-- Every check not decided yet fails with this reason.
local function fail_rest(reason)
  for _, name in ipairs(CHECKS) do report(name, false, reason) end
end

local function quit()
  if any_failed then vim.cmd('cquit 1') else vim.cmd('qall!') end
end

-- Hard watchdog: whatever blocks below, nvim still ends, and the undecided checks say why.
local watchdog = vim.loop.new_timer()
watchdog:start(HARD_TIMEOUT, 0, vim.schedule_wrap(function()
  fail_rest('hard timeout after ' .. HARD_TIMEOUT .. ' ms')
  vim.cmd('cquit 2')
end))

-- A request through nvim's client; returns result or nil, error text.
local function request(client, bufnr, method, params)
  local resp, err = client.request_sync(method, params, TIMEOUT, bufnr)
  if not resp then return nil, method .. ': no response (' .. tostring(err) .. ')' end
  if resp.err then
    local e = resp.err
    return nil, method .. ': server error ' .. tostring(e.code) .. ' ' .. tostring(e.message)
  end
  return resp.result, nil
end

-- Loads a file into a buffer (without reading stdin or prompting) and attaches the client to it.
local function open(path, client_id)
  local bufnr = vim.fn.bufadd(path)
  vim.fn.bufload(bufnr)
  vim.bo[bufnr].buflisted = true
  vim.bo[bufnr].filetype = 'paper-digest'
  if client_id then vim.lsp.buf_attach_client(bufnr, client_id) end
  return bufnr
end

-- Papers in a documentSymbol answer, in document order. Hierarchical (DocumentSymbol[]): sections
-- (Module 2, Namespace 3, Package 4) are walked into; anything else is a paper and is not walked into,
-- so children of a paper never count. Flat (SymbolInformation[]): every symbol that is not a section.
local SECTION_KINDS = { [2] = true, [3] = true, [4] = true }
local function papers_of(symbols)
  local papers = {}
  local function walk(list)
    for _, s in ipairs(list or {}) do
      if SECTION_KINDS[s.kind] then
        walk(s.children)
      else
        table.insert(papers, s)
      end
    end
  end
  walk(symbols)
  return papers
end

-- Hover contents as text: MarkupContent, MarkedString (string or {language, value}) or MarkedString[].
local function hover_text(contents)
  if contents == nil or contents == vim.NIL then return '' end
  if type(contents) == 'string' then return contents end
  if contents.value ~= nil then return tostring(contents.value) end
  local parts = {}
  for _, c in ipairs(contents) do table.insert(parts, hover_text(c)) end
  return table.concat(parts, '\n')
end

-- Targets of a definition answer: Location, Location[] or LocationLink[].
local function definition_targets(result)
  if result == nil or result == vim.NIL then return {} end
  local list = (result.uri or result.targetUri) and { result } or result
  local targets = {}
  for _, l in ipairs(list) do table.insert(targets, l.uri or l.targetUri) end
  return targets
end

local function contains(list, value)
  for _, v in ipairs(list) do if v == value then return true end end
  return false
end

local function main()
  local compact = env('PAPERLSP_SEED_COMPACT')
  local spaced = env('PAPERLSP_SEED_SPACED')
  local cmd = { env('PAPERLSP_DOTNET'), env('PAPERLSP_SERVER_DLL'), 'lsp' }

  -- 1. attach + serverInfo.name
  local buf004 = open(compact, nil)
  local attached, exit, init_result = false, nil, nil
  local client_id = vim.lsp.start_client({
    name = 'paperlsp-e2e',
    cmd = cmd,
    root_dir = vim.fn.fnamemodify(compact, ':p:h'),
    -- 0.7 keeps no client.initialize_result; on_init is handed the initialize answer in every version.
    on_init = function(_, result) init_result = result end,
    on_attach = function(_, b) if b == buf004 then attached = true end end,
    on_exit = function(code, signal) exit = { code = code, signal = signal } end,
  })
  if not client_id then fail_rest('vim.lsp.start_client returned nil'); return end
  vim.lsp.buf_attach_client(buf004, client_id)
  if not vim.wait(TIMEOUT, function() return attached or exit ~= nil end, 20) or not attached then
    local why = exit and ('server exited with code ' .. tostring(exit.code) .. ' before attaching')
      or ('client did not attach within ' .. TIMEOUT .. ' ms')
    fail_rest(why)
    return
  end
  local client = vim.lsp.get_client_by_id(client_id)
  init_result = init_result or client.initialize_result
  local info = init_result and init_result.serverInfo
  local name = info and info.name
  report('attach', name == 'paperlsp', 'serverInfo.name is ' .. vim.inspect(name) .. ', expected "paperlsp"')

  local uri004 = vim.uri_from_bufnr(buf004)

  -- 2. outline on seed 004: 119 papers, the first one named below
  do
    local result, err = request(client, buf004, 'textDocument/documentSymbol', { textDocument = { uri = uri004 } })
    if err then report('outline', false, err)
    else
      local papers = papers_of(result)
      local first = papers[1] and papers[1].name
      -- the seed's third line without the glued page phrase (read from the seed, not copied here)
      local want = (vim.api.nvim_buf_get_lines(buf004, 2, 3, false)[1] or ''):gsub('^Subscribe', '')
      if #papers ~= 119 then report('outline', false, 'expected 119 papers, got ' .. #papers)
      elseif first ~= want then report('outline', false, 'first paper is ' .. vim.inspect(first))
      else report('outline', true) end
    end
  end

  -- 3. diagnostics on seed 004: a PD003 warning on line index 2 (pushed after didOpen, so wait for it)
  do
    local function code_of(d)
      if d.code ~= nil then return d.code end
      return d.user_data and d.user_data.lsp and d.user_data.lsp.code
    end
    local function find()
      for _, d in ipairs(vim.diagnostic.get(buf004)) do
        if code_of(d) == 'PD003' and d.lnum == 2 and d.severity == vim.diagnostic.severity.WARN then return d end
      end
    end
    if vim.wait(TIMEOUT, function() return find() ~= nil end, 20) then
      report('diagnostics', true)
    else
      local seen = {}
      for i, d in ipairs(vim.diagnostic.get(buf004)) do
        if i > 5 then break end
        table.insert(seen, string.format('%s@%d(sev %s)', tostring(code_of(d)), d.lnum, tostring(d.severity)))
      end
      report('diagnostics', false, 'no PD003 warning at line 2 within ' .. TIMEOUT .. ' ms; got '
        .. #vim.diagnostic.get(buf004) .. ' diagnostics: ' .. table.concat(seen, ', '))
    end
  end

  -- 4. document links on seed 004
  do
    local result, err = request(client, buf004, 'textDocument/documentLink', { textDocument = { uri = uri004 } })
    if err then report('document-links', false, err)
    else
      local targets = {}
      for _, l in ipairs(result ~= vim.NIL and result or {}) do table.insert(targets, l.target) end
      local missing = {}
      for _, want in ipairs({ 'https://github.com/antoyang/NAS-Benchmark', 'https://github.com/abdelfattah-lab/flan_nas' }) do
        if not contains(targets, want) then table.insert(missing, want) end
      end
      report('document-links', #missing == 0,
        'missing target(s) ' .. table.concat(missing, ' ') .. ' among ' .. #targets .. ' links')
    end
  end

  -- 5. + 6. hover and definition on seed 000, on the title of the paper whose abstract links RISurConv
  do
    local url = 'https://github.com/cszyzhang/RISurConv'
    local buf000 = open(spaced, client_id)
    local uri000 = vim.uri_from_bufnr(buf000)
    local lines = vim.api.nvim_buf_get_lines(buf000, 0, -1, false)
    local abstract
    for i, l in ipairs(lines) do
      if l:find(url, 1, true) then abstract = i - 1; break end
    end
    local title = abstract and abstract - 2
    if not title or title < 0 or (lines[title + 1] or '') == '' then
      local why = 'no title line for ' .. url .. ' in seed 000 (abstract line ' .. tostring(abstract) .. ')'
      report('hover', false, why)
      report('definition', false, why)
    else
      local pos = { textDocument = { uri = uri000 }, position = { line = title, character = 0 } }
      local result, err = request(client, buf000, 'textDocument/hover', pos)
      if err then report('hover', false, err)
      else
        local text = hover_text(result ~= vim.NIL and result and result.contents or nil)
        local missing = {}
        for _, want in ipairs({ url, '96.0%', '93.1%' }) do
          if not text:find(want, 1, true) then table.insert(missing, want) end
        end
        report('hover', #missing == 0, 'hover at line ' .. title .. ' lacks ' .. table.concat(missing, ' ')
          .. ' (got ' .. #text .. ' chars: ' .. text:sub(1, 120) .. ')')
      end

      result, err = request(client, buf000, 'textDocument/definition', pos)
      if err then report('definition', false, err)
      else
        local targets = definition_targets(result)
        report('definition', contains(targets, url),
          'definition at line ' .. title .. ' gave ' .. vim.inspect(targets) .. ', expected ' .. url)
      end
    end
  end

  -- 7. clean shutdown: client.stop() sends shutdown, then exit; the process must exit with code 0
  client.stop()
  if not vim.wait(TIMEOUT, function() return exit ~= nil end, 20) then
    report('shutdown', false, 'server still running ' .. TIMEOUT .. ' ms after client.stop()')
  else
    report('shutdown', exit.code == 0 and exit.signal == 0,
      'server exited with code ' .. tostring(exit.code) .. ', signal ' .. tostring(exit.signal))
  end
end

local ok, err = pcall(main)
if not ok then fail_rest('lua error: ' .. tostring(err)) end
fail_rest('not run') -- nothing should be left; never leave a check without a line
watchdog:stop()
watchdog:close()
quit()
