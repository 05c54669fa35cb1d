/**
 * The baseline for bench/catalog-read.ts, run as its own process: a bare Node `http` server that
 * answers `GET /api/webinars?…&limit=N` with the same JSON shape as Aula (published webinars,
 * speakers and category embedded with the fields their `defaultPopulate` names, pagination fields)
 * from ONE SQL statement. No auth, access
 * control, hooks or validation: what the database and JSON alone cost. Env: DATABASE_URI, PORT.
 */
import http from 'node:http'
import pg from 'pg'

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URI, max: 20 })

const CATALOG_SQL = `
with published as (
  select w.* from webinars w where w.status = 'published' and w.deleted_at is null
), page as (
  select * from published order by created_at desc limit $1 offset $2
)
select json_build_object(
  'docs', coalesce((
    select json_agg(json_build_object(
      'id', p.id, 'title', p.title, 'summary', p.summary, 'description', p.description,
      'speakers', coalesce((
        select json_agg(json_build_object(
          'id', s.id, 'name', s.name, 'headline', s.headline, 'company', s.company,
          'photo', s.photo_id, 'linkedinUrl', s.linkedin_url) order by r."order")
        from webinars_rels r join speakers s on s.id = r.speakers_id
        where r.parent_id = p.id and r.path = 'speakers'), '[]'::json),
      'category', (select json_build_object('id', c.id, 'name', c.name, 'slug', c.slug)
                   from categories c where c.id = p.category_id),
      'image', p.image_id, 'startsAt', p.starts_at, 'startsAt_tz', p.startsat_tz,
      'durationMinutes', p.duration_minutes, 'platform', p.platform, 'meetingLink', p.meeting_link,
      'isFree', p.is_free, 'price', p.price, 'currency', p.currency, 'capacity', p.capacity,
      'slug', p.slug, 'status', p.status, 'organizer', p.organizer_id, 'seatsTaken', p.seats_taken,
      'scheduleSequence', p.schedule_sequence, 'searchText', p.search_text, 'updatedAt', p.updated_at,
      'createdAt', p.created_at, 'deletedAt', p.deleted_at, 'timezone', p.startsat_tz,
      'seatsLeft', case when p.capacity is null then null else greatest(p.capacity - p.seats_taken, 0) end
    ) order by p.created_at desc) from page p), '[]'::json),
  'totalDocs', (select count(*) from published),
  'limit', $1::int,
  'page', $3::int
) as body`

const server = http.createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost')
  if (url.pathname !== '/api/webinars') {
    response.writeHead(404).end()
    return
  }
  const limit = Math.min(Math.max(Number(url.searchParams.get('limit')) || 10, 1), 100)
  const page = Math.max(Number(url.searchParams.get('page')) || 1, 1)
  try {
    const { rows } = await pool.query(CATALOG_SQL, [limit, (page - 1) * limit, page])
    const body = rows[0].body as { totalDocs: number; limit: number; page: number }
    const totalPages = Math.ceil(body.totalDocs / limit)
    const json = JSON.stringify({
      ...body,
      hasNextPage: page < totalPages,
      hasPrevPage: page > 1,
      nextPage: page < totalPages ? page + 1 : null,
      prevPage: page > 1 ? page - 1 : null,
      pagingCounter: (page - 1) * limit + 1,
      totalPages,
    })
    response.writeHead(200, { 'content-type': 'application/json' }).end(json)
  } catch (error) {
    response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error))
  }
})

server.listen(Number(process.env.PORT), '127.0.0.1')
