-- GET /catalog/{sku} over the seeded books, so reads spread over many products.
local skus = {}
for i = 1, 150 do skus[i] = string.format("BOOK-%03d", i) end

request = function()
  return wrk.format("GET", "/catalog/" .. skus[math.random(#skus)])
end
